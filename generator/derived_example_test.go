package generator_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphgen/graphgen/generator"
)

// namedLocationsExample is the README's example of the polymorphic API: the
// response of GET /identity/conditionalAccess/namedLocations, from
// conditionalaccessroot-list-namedlocations.md (shortened), decoded in one
// call into the package generated from testdata/golden/derived, the
// namedLocation pages of v1.0 and those of ipRange.
const namedLocationsExample = `package gen_test

import (
	"encoding/json"
	"fmt"

	"example.com/m/gen"
)

func Example_namedLocations() {
	body := []byte(` + "`" + `{
	  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#conditionalAccess/namedLocations",
	  "value": [
	    {"@odata.type": "#microsoft.graph.ipNamedLocation", "displayName": "IPv4 named location", "isTrusted": false,
	     "ipRanges": [{"@odata.type": "#microsoft.graph.iPv4CidrRange", "cidrAddress": "6.5.4.3/32"}]},
	    {"@odata.type": "#microsoft.graph.countryNamedLocation", "displayName": "Country named location",
	     "countriesAndRegions": ["US", "CA"]},
	    {"@odata.type": "#microsoft.graph.bogusNamedLocation", "displayName": "Of a type no page declares", "bogus": 1}
	  ]
	}` + "`" + `)
	var page gen.Collection[gen.AnyNamedLocation]
	if err := json.Unmarshal(body, &page); err != nil {
		panic(err)
	}
	for _, loc := range page.Value {
		switch loc := loc.(type) {
		case *gen.IPNamedLocation:
			for _, r := range *loc.IPRanges.Value() {
				if v4, ok := r.(*gen.IPv4CidrRange); ok {
					fmt.Println(*loc.DisplayName.Value(), "IPv4", *v4.CidrAddress.Value())
				}
			}
		case *gen.CountryNamedLocation:
			fmt.Println(*loc.DisplayName.Value(), *loc.CountriesAndRegions.Value())
		default:
			// The base type, which keeps what it does not declare.
			fmt.Printf("%T %s %s\n", loc, *loc.AsNamedLocation().DisplayName.Value(), loc.AsNamedLocation().AdditionalData["bogus"])
		}
	}

	// A derived value set where the base type is declared is written with
	// its @odata.type.
	out, _ := json.Marshal(gen.Collection[gen.AnyNamedLocation]{Value: []gen.AnyNamedLocation{
		&gen.CountryNamedLocation{CountriesAndRegions: gen.Some([]string{"FR"})},
	}})
	fmt.Println(string(out))
	// Output:
	// IPv4 named location IPv4 6.5.4.3/32
	// Country named location [US CA]
	// *gen.NamedLocation Of a type no page declares 1
	// {"value":[{"@odata.type":"#microsoft.graph.countryNamedLocation","countriesAndRegions":["FR"]}]}
}
`

// TestNamedLocationsExample generates the package of
// testdata/golden/derived and runs namedLocationsExample against it, so
// that the README's example compiles and prints what it says.
func TestNamedLocationsExample(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is needed to build the generated package: %v", err)
	}
	in := filepath.Join("..", "testdata", "golden", "derived", "input")
	res, err := generator.Generate(os.DirFS(in), in, generator.Options{Package: "gen"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string][]byte{"go.mod": []byte("module example.com/m\n\ngo 1.25\n"), "gen/example_test.go": []byte(namedLocationsExample)}
	for name, src := range res.Files {
		if !strings.HasSuffix(name, "_test.go") { // they need go-cmp
			files["gen/"+name] = src
		}
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "test", "-run", "Example", "-v", "./gen")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: Example_namedLocations") {
		t.Fatalf("go test: %v\n%s", err, out)
	}
}
