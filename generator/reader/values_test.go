package reader

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseValues(t *testing.T) {
	tests := []struct {
		name string
		desc string
		want []string
	}{
		{"backtick list/inviteparticipantsoperation.md", "Possible values are: `notStarted`, `running`, `completed`, `failed`. Read-only.", []string{"notStarted", "running", "completed", "failed"}},
		{"or before the last value/accessreviewdecision.md", "The result of the review, one of `NotReviewed`, `Deny`, `DontKnow` or `Approve`.", []string{"NotReviewed", "Deny", "DontKnow", "Approve"}},
		{"comma and or/event.md", "Possible values are: `low`, `normal`, or `high`.", []string{"low", "normal", "high"}},
		{"and before the last value", "Possible values are `a`, `b` and `c`.", []string{"a", "b", "c"}},
		{"no colon/The possible values are", "The possible values are `count` `sum`", []string{"count", "sum"}},
		{"Possible values:", "Possible values: `user`, `group`", []string{"user", "group"}},
		{"marker in bold", "**Possible values are:** `on`, `off`", []string{"on", "off"}},
		{"Supported values can be/teamsappdefinition.md", "Supported values can be: `a`, `b`.", []string{"a", "b"}},
		{"words before the list/b2cidentityuserflow.md", "The supported values for **userFlowType** are: `signUp`, `signIn`.", []string{"signUp", "signIn"}},
		{"Allowed values in the collection/personinterest.md", "Allowed values in the collection are: `askMeAbout`, `ableToMentor`.", []string{"askMeAbout", "ableToMentor"}},
		{"can be one of", "The state can be one of `on` or `off`.", []string{"on", "off"}},
		{"one of the following/group.md", "Specifies one of the following string values: `None`, `SecurityGroup` (for security groups and Azure AD roles), `Unified`.", []string{"None", "SecurityGroup", "Unified"}},
		{"valid values with code spans", "Valid values are `x`, `y`.", []string{"x", "y"}},
		{"list stops at the end of the sentence", "Possible values are: `a`, `b`. The default is `c`.", []string{"a", "b"}},
		{"unknownFutureValue kept/personwebsite.md", "Possible values are: `me`, `family`, `unknownFutureValue`.", []string{"me", "family", "unknownFutureValue"}},
		{"li list/chatmessagepolicyviolation.md", "Supported values are: <li>None</li><li>NotifySender -- Inform the sender of the violation</li><li>BlockAccess -- Block access</li>", []string{"None", "NotifySender", "BlockAccess"}},
		{"lines of code spans/teamsappdefinition.md", "Possible values are:</br>`submitted` — The app has been submitted.</br>`published` — The request was approved.</br>`rejected` — The request was rejected.", []string{"submitted", "published", "rejected"}},
		{"Intune numeric legend is not a list/intune-apps-androidlobapp.md", "The upload state. Possible values are: 0 - `Not Ready`, 1 - `Ready`, 2 - `Processing`.", nil},
		{"numeric range is not a list/intune pages", "Valid values 0 to 4294967295", nil},
		{"prose values are not a list", "Possible values for this property are 1 or 2.", nil},
		{"one of in prose/unifiedrolemanagementpolicy.md", "Only one of each type can ever be present in the collection. Supports `$filter` (`eq`, `ne`).", nil},
		{"no marker", "The status: `a`, `b`.", nil},
		{"marker without values", "Possible values are listed in the enum.", nil},
		{"a list never runs into the next paragraph", "Possible values are:\n\n`a`", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseValues([]byte(tt.desc))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseValues(%q) mismatch (-want +got):\n%s", tt.desc, diff)
			}
		})
	}
}

// TestEveryValueMarkerPassesThePrefilter pins the assumption valuesFrom's
// quick rejection rests on.
func TestEveryValueMarkerPassesThePrefilter(t *testing.T) {
	for _, m := range valueMarkers {
		if !strings.Contains(m, "values") && !strings.Contains(m, "one of") {
			t.Errorf("marker %q has neither %q nor %q: valuesFrom would skip it", m, "values", "one of")
		}
	}
}
