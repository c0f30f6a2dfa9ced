package generated_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/graphgen/graphgen/generated/mail"
)

// A message built, changed, read, decoded and validated, as a program
// using a generated package of its own would: reads go from left to right,
// with no call nested in another's argument.
func Example_message() {
	// Build a message as a literal.
	m := mail.Message{
		Subject:    mail.Some("Lunch?"),
		Importance: mail.Some(mail.ImportanceHigh),
		Body:       mail.Some(mail.ItemBody{ContentType: mail.Some(mail.BodyTypeText), Content: mail.Some("Noon, as usual.")}),
		ToRecipients: mail.Some([]mail.Recipient{
			{EmailAddress: mail.Some(mail.EmailAddress{Name: mail.Some("Ana"), Address: mail.Some("ana@contoso.com")})},
		}),
	}

	// Change it: a member, a nested member, one more recipient.
	m.IsRead = mail.Some(false)
	flag := m.Flag.Value() // a copy, or a zero FollowupFlag when absent
	flag.FlagStatus = mail.Some(mail.FollowupFlagStatusFlagged)
	m.Flag = mail.Some(*flag)
	to := append(*m.ToRecipients.Value(), mail.Recipient{
		EmailAddress: mail.Some(mail.EmailAddress{Address: mail.Some("bo@contoso.com")}),
	})
	m.ToRecipients = mail.Some(to)

	// Read it, left to right, absent members reading as zero values.
	fmt.Println(*m.Subject.Value(), *m.Importance.Value(), *m.Flag.Value().FlagStatus.Value())
	for _, r := range *m.ToRecipients.Value() {
		fmt.Println(mail.Or(r.EmailAddress.Value().Name, "(no name)"), *r.EmailAddress.Value().Address.Value())
	}
	fmt.Printf("from %q, read: %v\n", *m.From.Value().EmailAddress.Value().Address.Value(), *m.IsRead.Value())

	// Decode a response (cut from message-get.md) and validate it.
	var got mail.Message
	if err := json.Unmarshal([]byte(`{
		"@odata.etag": "W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ\"",
		"id": "AAMkADhMGAAA=",
		"receivedDateTime": "2018-09-09T03:15:08Z",
		"subject": "9/9/2018: concert",
		"importance": "normal",
		"inferenceClassification": "focused",
		"from": {"emailAddress": {"name": "Adele Vance", "address": "adelev@contoso.OnMicrosoft.com"}},
		"flag": {"flagStatus": "notFlagged"}
	}`), &got); err != nil {
		log.Fatal(err)
	}
	if err := got.Validate(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(*got.From.Value().EmailAddress.Value().Name.Value(), got.ReceivedDateTime.Value().Year())
	fmt.Println(got)

	// Output:
	// Lunch? high flagged
	// Ana ana@contoso.com
	// (no name) bo@contoso.com
	// from "", read: false
	// Adele Vance 2018
	// {ID:"AAMkADhMGAAA=" Flag:{FlagStatus:"notFlagged"} From:{EmailAddress:{Address:"adelev@contoso.OnMicrosoft.com" Name:"Adele Vance"}} Importance:"normal" InferenceClassification:"focused" ReceivedDateTime:2018-09-09T03:15:08Z Subject:"9/9/2018: concert" AdditionalData:map["@odata.etag":"W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ\""]}
}
