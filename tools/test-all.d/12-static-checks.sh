# The table builders refuse wrong tables at compile time; sourced by tools/test-all.sh.

register_stage static-checks "table builders: wrong member types, nested tables and field counts fail to compile (tests/static_checks)"
stage_static_checks() {
  CXX=g++ bash tests/static_checks/run.sh
  CXX=clang++ bash tests/static_checks/run.sh
}
