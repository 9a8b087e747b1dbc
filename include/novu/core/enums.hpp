// Enums every resource shares. Channel type and provider id are open: unknown wire values are kept;
// sort direction and key are closed.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>      // size_t
#include <string>       // string
#include <string_view>  // string_view

#include "novu/core/version.hpp"

NOVU_CC_NAMESPACE_BEGIN

namespace detail {
// True when `value` is one of the `count` entries of `known`.
inline bool is_one_of(std::string_view value, const std::string_view* known, std::size_t count) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    if (known[i] == value) return true;
  }
  return false;
}
}  // namespace detail

/// What the open enums below share: a wire value kept verbatim (known or not), compared by its
/// spelling and checked against `Derived::known_values`.
template <class Derived>
class open_enum {
 public:
  /// An empty value; the decoder never produces it.
  open_enum() = default;
  /// Any wire value, known or not; the constants of `Derived` convert implicitly.
  open_enum(std::string_view wire_value) : value_(wire_value) {}  // NOLINT(google-explicit-constructor)

  /// The value exactly as it appears on the wire.
  const std::string& value() const noexcept { return value_; }
  /// True when the value is one of `Derived::known_values`.
  bool is_known() const noexcept {
    return detail::is_one_of(value_, Derived::known_values,
                             sizeof(Derived::known_values) / sizeof(Derived::known_values[0]));
  }

  /// Values compare by their wire spelling.
  friend bool operator==(const open_enum& a, const open_enum& b) noexcept { return a.value_ == b.value_; }
  /// Values compare by their wire spelling.
  friend bool operator!=(const open_enum& a, const open_enum& b) noexcept { return a.value_ != b.value_; }

 private:
  std::string value_;
};

/// Open enum for a channel type. The constants name every value Novu documents; any other
/// string from the server is kept verbatim and encodes back unchanged, so a new channel type
/// never breaks a deployed client.
class channel_type : public open_enum<channel_type> {
 public:
  static constexpr std::string_view in_app{"in_app"};  ///< in-app inbox
  static constexpr std::string_view email{"email"};    ///< e-mail
  static constexpr std::string_view sms{"sms"};        ///< SMS
  static constexpr std::string_view chat{"chat"};      ///< chat (Slack, Teams, ...)
  static constexpr std::string_view push{"push"};      ///< mobile or web push
  static constexpr std::string_view tool{"tool"};      ///< tool (newer servers only)

  /// Every value documented by SDK 3.19.1, in the SDK's order.
  static constexpr std::string_view known_values[] = {in_app, email, sms, chat, push, tool};

  /// An empty value, or any wire value (known or not); the constants above convert implicitly.
  using open_enum::open_enum;
};

/// Open enum for a provider id (`ProvidersIdEnum`). The constants name the 94 values of SDK
/// 3.19.1 (dashes become underscores: `forty_six_elks` is "forty-six-elks"); any other string
/// from the server is kept verbatim, so a provider added later never breaks a deployed client.
class provider_id : public open_enum<provider_id> {
 public:
  static constexpr std::string_view anypost{"anypost"};
  static constexpr std::string_view emailjs{"emailjs"};
  static constexpr std::string_view mailgun{"mailgun"};
  static constexpr std::string_view mailjet{"mailjet"};
  static constexpr std::string_view mandrill{"mandrill"};
  static constexpr std::string_view nodemailer{"nodemailer"};
  static constexpr std::string_view postmark{"postmark"};
  static constexpr std::string_view sendgrid{"sendgrid"};
  static constexpr std::string_view sendinblue{"sendinblue"};
  static constexpr std::string_view ses{"ses"};
  static constexpr std::string_view netcore{"netcore"};
  static constexpr std::string_view infobip_email{"infobip-email"};
  static constexpr std::string_view resend{"resend"};
  static constexpr std::string_view plunk{"plunk"};
  static constexpr std::string_view mailersend{"mailersend"};
  static constexpr std::string_view mailtrap{"mailtrap"};
  static constexpr std::string_view clickatell{"clickatell"};
  static constexpr std::string_view outlook365{"outlook365"};
  static constexpr std::string_view novu_email{"novu-email"};
  static constexpr std::string_view sparkpost{"sparkpost"};
  static constexpr std::string_view email_webhook{"email-webhook"};
  static constexpr std::string_view braze{"braze"};
  static constexpr std::string_view novu_email_agent{"novu-email-agent"};
  static constexpr std::string_view nexmo{"nexmo"};
  static constexpr std::string_view plivo{"plivo"};
  static constexpr std::string_view sms77{"sms77"};
  static constexpr std::string_view sms_central{"sms-central"};
  static constexpr std::string_view sns{"sns"};
  static constexpr std::string_view telnyx{"telnyx"};
  static constexpr std::string_view twilio{"twilio"};
  static constexpr std::string_view gupshup{"gupshup"};
  static constexpr std::string_view firetext{"firetext"};
  static constexpr std::string_view infobip_sms{"infobip-sms"};
  static constexpr std::string_view burst_sms{"burst-sms"};
  static constexpr std::string_view bulk_sms{"bulk-sms"};
  static constexpr std::string_view isend_sms{"isend-sms"};
  static constexpr std::string_view forty_six_elks{"forty-six-elks"};
  static constexpr std::string_view kannel{"kannel"};
  static constexpr std::string_view maqsam{"maqsam"};
  static constexpr std::string_view termii{"termii"};
  static constexpr std::string_view africas_talking{"africas-talking"};
  static constexpr std::string_view novu_sms{"novu-sms"};
  static constexpr std::string_view sendchamp{"sendchamp"};
  static constexpr std::string_view generic_sms{"generic-sms"};
  static constexpr std::string_view clicksend{"clicksend"};
  static constexpr std::string_view bandwidth{"bandwidth"};
  static constexpr std::string_view messagebird{"messagebird"};
  static constexpr std::string_view simpletexting{"simpletexting"};
  static constexpr std::string_view azure_sms{"azure-sms"};
  static constexpr std::string_view ring_central{"ring-central"};
  static constexpr std::string_view brevo_sms{"brevo-sms"};
  static constexpr std::string_view eazy_sms{"eazy-sms"};
  static constexpr std::string_view mobishastra{"mobishastra"};
  static constexpr std::string_view afro_message{"afro-message"};
  static constexpr std::string_view unifonic{"unifonic"};
  static constexpr std::string_view smsmode{"smsmode"};
  static constexpr std::string_view imedia{"imedia"};
  static constexpr std::string_view sinch{"sinch"};
  static constexpr std::string_view isendpro_sms{"isendpro-sms"};
  static constexpr std::string_view cm_telecom{"cm-telecom"};
  static constexpr std::string_view ruach_sms{"ruach-sms"};
  static constexpr std::string_view fcm{"fcm"};
  static constexpr std::string_view apns{"apns"};
  static constexpr std::string_view expo{"expo"};
  static constexpr std::string_view one_signal{"one-signal"};
  static constexpr std::string_view pushpad{"pushpad"};
  static constexpr std::string_view push_webhook{"push-webhook"};
  static constexpr std::string_view pusher_beams{"pusher-beams"};
  static constexpr std::string_view appio{"appio"};
  static constexpr std::string_view novu{"novu"};
  static constexpr std::string_view slack{"slack"};
  static constexpr std::string_view discord{"discord"};
  static constexpr std::string_view msteams{"msteams"};
  static constexpr std::string_view webex_messaging{"webex-messaging"};
  static constexpr std::string_view mattermost{"mattermost"};
  static constexpr std::string_view ryver{"ryver"};
  static constexpr std::string_view zulip{"zulip"};
  static constexpr std::string_view grafana_on_call{"grafana-on-call"};
  static constexpr std::string_view getstream{"getstream"};
  static constexpr std::string_view rocket_chat{"rocket-chat"};
  static constexpr std::string_view whatsapp_business{"whatsapp-business"};
  static constexpr std::string_view line{"line"};
  static constexpr std::string_view chat_webhook{"chat-webhook"};
  static constexpr std::string_view novu_slack{"novu-slack"};
  static constexpr std::string_view telegram{"telegram"};
  static constexpr std::string_view sendblue{"sendblue"};
  /// "novu-web-chat": in SDK 3.19.1, not in the OpenAPI document.
  static constexpr std::string_view novu_web_chat{"novu-web-chat"};
  static constexpr std::string_view anthropic{"anthropic"};
  static constexpr std::string_view novu_anthropic{"novu-anthropic"};
  static constexpr std::string_view anthropic_aws{"anthropic-aws"};
  static constexpr std::string_view pagerduty{"pagerduty"};
  static constexpr std::string_view opsgenie{"opsgenie"};
  /// "grafana" (not grafana-on-call): in SDK 3.19.1, not in the OpenAPI document.
  static constexpr std::string_view grafana{"grafana"};
  static constexpr std::string_view tool_webhook{"tool-webhook"};

  /// Every value documented by SDK 3.19.1, in the SDK's order.
  static constexpr std::string_view known_values[] = {anypost,
                                                      emailjs,
                                                      mailgun,
                                                      mailjet,
                                                      mandrill,
                                                      nodemailer,
                                                      postmark,
                                                      sendgrid,
                                                      sendinblue,
                                                      ses,
                                                      netcore,
                                                      infobip_email,
                                                      resend,
                                                      plunk,
                                                      mailersend,
                                                      mailtrap,
                                                      clickatell,
                                                      outlook365,
                                                      novu_email,
                                                      sparkpost,
                                                      email_webhook,
                                                      braze,
                                                      novu_email_agent,
                                                      nexmo,
                                                      plivo,
                                                      sms77,
                                                      sms_central,
                                                      sns,
                                                      telnyx,
                                                      twilio,
                                                      gupshup,
                                                      firetext,
                                                      infobip_sms,
                                                      burst_sms,
                                                      bulk_sms,
                                                      isend_sms,
                                                      forty_six_elks,
                                                      kannel,
                                                      maqsam,
                                                      termii,
                                                      africas_talking,
                                                      novu_sms,
                                                      sendchamp,
                                                      generic_sms,
                                                      clicksend,
                                                      bandwidth,
                                                      messagebird,
                                                      simpletexting,
                                                      azure_sms,
                                                      ring_central,
                                                      brevo_sms,
                                                      eazy_sms,
                                                      mobishastra,
                                                      afro_message,
                                                      unifonic,
                                                      smsmode,
                                                      imedia,
                                                      sinch,
                                                      isendpro_sms,
                                                      cm_telecom,
                                                      ruach_sms,
                                                      fcm,
                                                      apns,
                                                      expo,
                                                      one_signal,
                                                      pushpad,
                                                      push_webhook,
                                                      pusher_beams,
                                                      appio,
                                                      novu,
                                                      slack,
                                                      discord,
                                                      msteams,
                                                      webex_messaging,
                                                      mattermost,
                                                      ryver,
                                                      zulip,
                                                      grafana_on_call,
                                                      getstream,
                                                      rocket_chat,
                                                      whatsapp_business,
                                                      line,
                                                      chat_webhook,
                                                      novu_slack,
                                                      telegram,
                                                      sendblue,
                                                      novu_web_chat,
                                                      anthropic,
                                                      novu_anthropic,
                                                      anthropic_aws,
                                                      pagerduty,
                                                      opsgenie,
                                                      grafana,
                                                      tool_webhook};

  /// An empty value, or any wire value (known or not); the constants above convert implicitly.
  using open_enum::open_enum;
};

/// Sort direction of a list call.
enum class order_direction : unsigned char {
  ascending,   ///< "ASC"
  descending,  ///< "DESC"
};

/// Sort key of a list call (the server sorts by `createdAt` when none is given).
enum class order_by : unsigned char {
  created_at,  ///< "createdAt"
  updated_at,  ///< "updatedAt"
};

/// Wire spelling of a sort direction.
constexpr std::string_view to_string(order_direction direction) noexcept {
  return direction == order_direction::descending ? std::string_view{"DESC"} : std::string_view{"ASC"};
}
/// Wire spelling of a sort key.
constexpr std::string_view to_string(order_by key) noexcept {
  return key == order_by::updated_at ? std::string_view{"updatedAt"} : std::string_view{"createdAt"};
}

NOVU_CC_NAMESPACE_END
