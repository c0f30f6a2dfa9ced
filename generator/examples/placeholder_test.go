package examples

import "testing"

// TestIsPlaceholder pins the rule on the placeholders of real examples:
// alert-get.md ("String (timestamp)"), alert-list.md ("datetime-value",
// "activityGroupName-value"), printusagebyuser-get.md ("Date"),
// certificatebasedauthconfiguration-post-certificatebasedauthconfiguration.md
// ("Binary"), and on values that only look like them.
func TestIsPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"String": true, "string": true, "String (timestamp)": true, "Int32": true, "Edm.Guid": true,
		"datetime-value": true, "activityGroupName-value": true, "Date": true, "Binary": true, "DateTime": true,
		"Adele Vance": false, "2019-09-04T01:11:34Z": false, "value": false, "-value": false, "is-a-value!": false,
		"Strings": false, "Contoso (String)": false,
	} {
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}
