/** See state-helper-names.mjs: the state helpers' names, each followed by `<`. */
export declare const stateHelpers: RegExp;
