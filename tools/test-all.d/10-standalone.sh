# Every public header compiles, links and runs alone; sourced by tools/test-all.sh.

register_stage standalone "each public header alone, header-only and fast-compile modes (tests/standalone)"
stage_standalone() { CXX=g++ bash tests/standalone/run.sh build/standalone; }
