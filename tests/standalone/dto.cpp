// One public header alone: see tests/standalone/version.cpp.
#include "novu/dto.hpp"

int main() {
  novu::channel_connection connection;
  connection.identifier = "conn-1";
  return connection.context_keys.empty() && !connection.identifier.empty() ? 0 : 1;
}
