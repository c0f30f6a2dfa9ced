package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/graphgen/graphgen/generator/diag"
)

// compileSARIFSchema compiles the SARIF 2.1.0 schema of testdata/sarif (see the
// README there for where it comes from).
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif", "sarif-2.1.0-rtm.5.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sarifPages are a resource page and a method page whose example has one
// finding of each severity: an error of the resource page, warnings and a
// note of the example.
var sarifPages = map[string]string{
	"spec/widget.md": "# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n" +
		"| name | String | The name. |\n| created | DateTimeOffset | When. |\n\n<!-- { \"blockType\": \"resource\", -->\n",
	"api/widget-get.md": "# Get widget\n\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.widget\"} -->\n" +
		"```http\nHTTP/1.1 200 OK\n\n{\"Name\": \"w\", \"created\": \"datetime-value\", \"colour\": \"red\"}\n```\n",
}

// TestSARIFSchema runs lint -api -format sarif and validates what it
// prints against the SARIF 2.1.0 schema; then checks what the schema
// cannot: the rules are the registry, each result names its rule by id and
// index, and positions are relative URIs with the line and column of the
// text format.
func TestSARIFSchema(t *testing.T) {
	schema := compileSARIFSchema(t)
	dir := t.TempDir()
	for name, src := range sarifPages {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	var out, text, stderr bytes.Buffer
	if code := run(context.Background(), []string{"lint", "-spec", "spec", "-api", "api", "-format", "sarif"}, &out, &stderr); code != exitFindings {
		t.Fatalf("lint -format sarif exited %d, want %d; stderr:\n%s", code, exitFindings, stderr.String())
	}
	run(context.Background(), []string{"lint", "-spec", "spec", "-api", "api"}, &text, &stderr)

	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("output is not valid SARIF 2.1.0: %v\n%s", err, out.String())
	}

	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "graphgen" || d.Version == "" || d.InformationURI == "" {
		t.Errorf("driver %q version %q informationUri %q: want all three", d.Name, d.Version, d.InformationURI)
	}
	codes := diag.Codes()
	if len(run.Tool.Driver.Rules) != len(codes) {
		t.Fatalf("%d rules, want the %d codes of the registry", len(run.Tool.Driver.Rules), len(codes))
	}
	for i, c := range codes {
		r := run.Tool.Driver.Rules[i]
		if r.ID != string(c.Code) || r.DefaultConfiguration.Level != sarifLevel(c.Severity) || r.ShortDescription.Text != c.Doc {
			t.Errorf("rule %d is %+v, want the code %q at level %q with its doc", i, r, c.Code, sarifLevel(c.Severity))
		}
	}
	// Each result is a line of the text format, in the same order.
	lines := strings.Split(strings.TrimSpace(text.String()), "\n")
	if len(run.Results) != len(lines) {
		t.Fatalf("%d results, want one for each of the %d findings:\n%s", len(run.Results), len(lines), text.String())
	}
	levels := map[string]bool{}
	for i, r := range run.Results {
		levels[r.Level] = true
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d is rule %q, not its ruleId %q", i, r.RuleIndex, rule.ID, r.RuleID)
		}
		loc := r.Locations[0].PhysicalLocation
		level := map[string]string{"note": "info"}[r.Level]
		if level == "" {
			level = r.Level
		}
		want := loc.ArtifactLocation.URI + ":" + strconv.Itoa(loc.Region.StartLine) + ":" + strconv.Itoa(loc.Region.StartColumn) + ": " + level + ": " + r.Message.Text + " [" + r.RuleID + "]"
		if lines[i] != want {
			t.Errorf("result %d reads\n\t%s\nwant the text format's\n\t%s", i, want, lines[i])
		}
	}
	for _, l := range []string{"error", "warning", "note"} {
		if !levels[l] {
			t.Errorf("no result at level %q: the pages should give one of each", l)
		}
	}

	// The schema is applied for real: a result without its message is
	// refused.
	bad := bytes.Replace(out.Bytes(), []byte(`"message": {`), []byte(`"mess": {`), 1)
	inst, err = jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err == nil {
		t.Errorf("a result without a message passes the schema: the validator does not apply it")
	}
}

// TestSARIFURI pins how a finding's file becomes a URI.
func TestSARIFURI(t *testing.T) {
	for file, want := range map[string]string{
		"spec/widget.md":                     "spec/widget.md",
		"../shared/graph-docs/v1.0/api/a.md": "../shared/graph-docs/v1.0/api/a.md",
		"./docs//a b.md":                     "docs/a%20b.md",
		"a:b.md":                             "./a:b.md",
	} {
		if got := sarifURI(filepath.FromSlash(file)); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", file, got, want)
		}
	}
	abs, _ := filepath.Abs("x.md")
	if got := sarifURI(abs); !strings.HasPrefix(got, "file:///") {
		t.Errorf("sarifURI(%q) = %q, want a file URI", abs, got)
	}
}
