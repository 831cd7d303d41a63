// @ts-check
/* global Office */
/** The FunctionFile of both manifests: no function commands yet, only Office's initialisation. */
Office.onReady(() => undefined);
