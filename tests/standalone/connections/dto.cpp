// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/connections/dto.hpp"

int main() {
  novu::channel_connection connection;
  connection.identifier = "conn-1";
  return connection.context_keys.empty() && !connection.identifier.empty() ? 0 : 1;
}
