# Fuzzing and ThreadSanitizer stages; sourced by tools/test-all.sh.

register_stage fuzz "libFuzzer targets (parsers, request decoders, builders) under ASan+UBSan, bounded time"
stage_fuzz() { bash tools/fuzz.sh "${NOVU_CC_FUZZ_SECONDS:-15}"; }

register_stage tsan "one client from 8 threads x 1,000 calls against the fake, under ThreadSanitizer"
stage_tsan() { bash tools/tsan.sh; }
