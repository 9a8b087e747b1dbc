// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/testing/fake_store.hpp"

int main() {
  novu::fake_backend server;
  const novu::http_request request;
  novu::fake_call call{server, request, "/v1/things", "limit=5&orderDirection=ASC&contextKeys=", {}};
  novu::fake_list_request list;
  const bool read = !novu::fake_read_list(call, list).has_value();
  return read && list.limit == 5 && !list.descending && list.context_keys && list.context_keys->empty() ? 0 : 1;
}
