package generator_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diag"
	"github.com/graphgen/graphgen/generator/lint"
)

// apiCorpus returns the v1.0 resources and method folders of the corpus,
// skipping the test, saying where it looked, when either is absent.
func apiCorpus(tb testing.TB) (resources, api string) {
	tb.Helper()
	resources = corpus(tb, "v1.0")
	api = filepath.Join(filepath.Dir(resources), "api")
	if _, err := os.Stat(api); err != nil {
		tb.Skipf("no method pages at %s (set GRAPHGEN_CORPUS to the graph-docs folder to run this): %v", api, err)
	}
	return resources, api
}

// The README's table of the findings of lint -api on the v1.0 method pages,
// which TestAPICorpus compares with what the check finds and -update
// rewrites.
const (
	apiCountsBegin = "<!-- api counts: written by go test ./generator -run TestAPICorpus -update -->\n"
	apiCountsEnd   = "<!-- end of api counts -->\n"
)

// TestAPICorpus checks the examples of the v1.0 method pages against the
// v1.0 resource pages, as lint -api does, and checks that the drift the
// corpus is known for is found, that nothing is an error (so that CI on
// the real docs passes without -strict, and every finding can be
// suppressed), and that the counts by code are the README's.
func TestAPICorpus(t *testing.T) {
	resources, api := apiCorpus(t)
	m, err := generator.Model(os.DirFS(resources), "v1.0/resources", generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := generator.LintAPI(os.DirFS(api), "v1.0/api", m.Model, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ file, code, text string }{
		// Collections on their resource pages, single values in the
		// examples.
		{"presence-get.md", "api-collection", `member "availability" is a single string`},
		{"provisioningobjectsummary-list.md", "api-collection", `member "value[0].servicePrincipal" is a single object`},
		// A member spelled in another case.
		{"directoryaudit-list.md", "api-member-case", `member "value[0].targetResources[0].Type" differs only in case from property "type"`},
		// Members no page declares.
		{"signin-get.md", "api-undeclared-member", `member "value[0].appliedConditionalAccessPolicies" is not a property of microsoft.graph.signIn`},
		{"openshift-get.md", "api-undeclared-member", `member "lastModifiedBy" is not a property of microsoft.graph.openShift`},
		{"educationrubric-get.md", "api-undeclared-member", `member "qualities[0].criteria[0].id" is not a property of microsoft.graph.rubricCriterion`},
		// An enum value no page lists.
		{"accessreviewinstance-list.md", "api-enum-value", `"Applied" is not a value of enum microsoft.graph.accessReviewInstance.status`},
		// Placeholders where typed values belong.
		{"conversationthread-get.md", "api-placeholder", `holds the doc placeholder "datetime-value" where a value of Edm.DateTimeOffset belongs`},
		{"alert-get.md", "api-placeholder", `holds the doc placeholder "String (timestamp)"`},
		// Values that do not fit.
		{"contact-get.md", "api-json-type", `member "birthday": "1974-07-22" is not a valid Edm.DateTimeOffset`},
		// Bodies and annotations that are not JSON.
		{"page-update.md", "example-body-json", "request body is not valid JSON"},
		{"user-getmailtips.md", "example-annotation-json", "response annotation is not valid JSON"},
		// A type outside the property's family.
		{"accessreviewinstance-list-decisions.md", "api-unrelated-type", `@odata.type "#microsoft.graph.userIdentity" names a type that is neither microsoft.graph.identity nor derived from it`},
		// Types no page declares.
		{"b2xidentityuserflow-list-userattributeassignments.md", "api-unknown-type", `@odata.type "#Microsoft.Graph.BuiltInUserFlowAttribute" names a type no resource page declares`},
	} {
		if !found(l, want.file, want.code, want.text) {
			t.Errorf("no %s finding in %s with %q", want.code, want.file, want.text)
		}
	}
	if n := l.Count(diag.Error); n > 0 {
		t.Errorf("%d errors in the examples: want none, so that lint -api passes the real docs without -strict", n)
	}

	table := countTable(l)
	t.Logf("lint -api v1.0:\n%s", table)
	const readme = "../README.md"
	src, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(src, []byte(apiCountsBegin)), bytes.Index(src, []byte(apiCountsEnd))
	if i < 0 || j < i {
		t.Fatalf("README.md has no table between %q and %q", apiCountsBegin, apiCountsEnd)
	}
	if *update {
		out := append(append(append([]byte(nil), src[:i+len(apiCountsBegin)]...), table...), src[j:]...)
		if err := os.WriteFile(readme, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if d := cmp.Diff(table, string(src[i+len(apiCountsBegin):j])); d != "" {
		t.Errorf("README.md's counts of lint -api differ from the findings (-found +README); run go test ./generator -run TestAPICorpus -update and read the change:\n%s", d)
	}
}

// found reports whether l has a finding of code in file whose message
// holds text.
func found(l diag.List, file, code, text string) bool {
	for _, d := range l {
		if filepath.Base(d.Pos.File) == file && string(d.Code) == code && strings.Contains(d.Message, text) {
			return true
		}
	}
	return false
}

// countTable writes the findings of l by code as a Markdown table: the
// code, its severity, the findings, and the pages they are on, most
// findings first.
func countTable(l diag.List) string {
	type row struct {
		code     diag.Code
		severity diag.Severity
		n        int
		pages    map[string]bool
	}
	rows := map[diag.Code]*row{}
	for _, d := range l {
		r := rows[d.Code]
		if r == nil {
			r = &row{code: d.Code, severity: d.Severity, pages: map[string]bool{}}
			rows[d.Code] = r
		}
		r.n++
		r.pages[d.Pos.File] = true
	}
	var sorted []*row
	for _, r := range rows {
		sorted = append(sorted, r)
	}
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].n != sorted[j].n {
			return sorted[i].n > sorted[j].n
		}
		return sorted[i].code < sorted[j].code
	})
	var b strings.Builder
	b.WriteString("| code | severity | findings | pages |\n|---|---|--:|--:|\n")
	total, pages := 0, map[string]bool{}
	for _, r := range sorted {
		fmt.Fprintf(&b, "| `%s` | %s | %d | %d |\n", r.code, r.severity, r.n, len(r.pages))
		total += r.n
		for p := range r.pages {
			pages[p] = true
		}
	}
	fmt.Fprintf(&b, "| all | | %d | %d |\n", total, len(pages))
	return b.String()
}

// BenchmarkAPICorpus compares checking the examples of every v1.0 method
// page (reading them with package examples and checking them against the
// model) with linting the v1.0 resource pages (reading, resolving and
// lint.Lint), which is what lint costs without -api. The model the
// examples are checked against is built once, outside the timing: lint
// -api builds it for the resource pages' lint in any case.
func BenchmarkAPICorpus(b *testing.B) {
	resources, api := apiCorpus(b)
	resFS, apiFS := os.DirFS(resources), os.DirFS(api)
	m, err := generator.Model(resFS, resources, generator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	lintResources := func() {
		m, err := generator.Model(resFS, resources, generator.Options{})
		if err != nil {
			b.Fatal(err)
		}
		lint.Lint(m.Pages)
	}
	checkExamples := func() {
		if _, err := generator.LintAPI(apiFS, api, m.Model, generator.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("lint-resources", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			lintResources()
		}
	})
	b.Run("api", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			checkExamples()
		}
	})
	// The ratio, the two taken in turns from a collected heap, as
	// BenchmarkCorpus/ratio does, so that a machine whose speed drifts
	// slows both alike.
	b.Run("ratio", func(b *testing.B) {
		var l, a time.Duration
		for b.Loop() {
			runtime.GC()
			t0 := time.Now()
			lintResources()
			l += time.Since(t0)
			runtime.GC()
			t1 := time.Now()
			checkExamples()
			a += time.Since(t1)
		}
		b.ReportMetric(float64(a)/float64(l), "x-lint")
	})
}
