'use strict';
/** Runs per operation in test/fuzz.test.ts: 25 by default, more with FUZZ_RUNS=500 for a longer search. */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);

module.exports = { FUZZ_RUNS };
