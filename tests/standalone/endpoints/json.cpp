// One public header alone: see tests/standalone/core/version.cpp.
#include "novu/endpoints/json.hpp"

int main() {
  const novu::result<novu::endpoint_data> data =
      novu::decode_endpoint_data(novu::endpoint_type::phone, R"({"phoneNumber":"+15550001111"})");
  return data && data->index() == 4 ? 0 : 1;
}
