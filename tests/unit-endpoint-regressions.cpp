// Regressions found by fuzzing and the hostile catalogue of the channel endpoints.
//
// A repeated `type` with another value was refused only when the payload was already decoded as
// the first value (`"type":A, "endpoint":{...}, "type":B`); when both values came before the
// payload, or both after it, or an unknown value was followed by a known one after the payload,
// the last value won silently. The core reader now refuses every contradictory repeat, at the
// repeated member.
#include <doctest/doctest.h>

#include <string>  // string

#include "novu/novu.hpp"

namespace {

std::string with_members(const std::string& middle) {
  return R"({"identifier":"e1","channel":"chat","providerId":"slack","integrationIdentifier":"i",)"
         R"("connectionIdentifier":null,"subscriberId":"s","contextKeys":[],)" +
         middle + R"(,"createdAt":"c","updatedAt":"u"})";
}

}  // namespace

TEST_CASE("endpoint regressions: a type repeated with the same value is one type, wherever it is") {
  for (const char* middle : {R"("type":"phone","type":"phone","endpoint":{"phoneNumber":"+1"})",
                             R"("endpoint":{"phoneNumber":"+1"},"type":"phone","type":"phone")",
                             R"("type":"phone","endpoint":{"phoneNumber":"+1"},"type":"phone")"}) {
    CAPTURE(middle);
    novu::result<novu::channel_endpoint> e = novu::decode_channel_endpoint(with_members(middle));
    REQUIRE_MESSAGE(e.has_value(), e.error().message);
    CHECK(std::get<novu::phone_endpoint>(e->endpoint).phone_number == "+1");
  }
}

TEST_CASE("endpoint regressions: a type repeated with another value is refused wherever it is") {
  for (const char* middle : {R"("type":"phone","type":"slack_user","endpoint":{"userId":"U"})",
                             R"("endpoint":{"userId":"U"},"type":"phone","type":"slack_user")",
                             R"("type":"carrier_pigeon","endpoint":{"phoneNumber":"+1"},"type":"phone")"}) {
    CAPTURE(middle);
    novu::result<novu::channel_endpoint> e = novu::decode_channel_endpoint(with_members(middle));
    CHECK_FALSE(e.has_value());
    if (!e) CHECK(e.error().kind == novu::error_kind::decode);
  }
  novu::result<novu::create_channel_endpoint_request> create = novu::endpoints::decode_create_request(
      R"({"subscriberId":"s","integrationIdentifier":"i","type":"phone","type":"slack_user","endpoint":{"userId":"U"}})");
  CHECK_FALSE(create.has_value());
}
