# Requirements on an Environment or a transport that are not met fail to compile with a
# static_assert in plain words; sourced by tools/test-all.sh.

register_stage compile-fail "unmet Environment/transport requirements give a plain static_assert (tests/compile_fail)"
stage_compile_fail() { bash tests/compile_fail/run.sh; }
