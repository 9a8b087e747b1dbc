# The C++ sources follow .clang-format; sourced by tools/test-all.sh.

register_stage format "C++ sources match .clang-format (clang-format --dry-run --Werror)"
stage_format() {
  local files
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files 'include/*.hpp' 'include/*.ipp' 'tests/*.cpp' 'tests/*.hpp' 'examples/*.cpp' \
      'examples/*.hpp' 'bench/*.cpp' 'bench/*.hpp')
  else  # an unpacked archive: the same folders
    mapfile -t files < <(find include tests examples bench -type f \( -name '*.hpp' -o -name '*.ipp' -o -name '*.cpp' \) | sort)
  fi
  clang-format --version
  clang-format --dry-run --Werror "${files[@]}"
  echo "${#files[@]} files follow .clang-format"
}
