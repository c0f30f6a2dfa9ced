package diff_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/graphgen/graphgen/generator"
	"github.com/graphgen/graphgen/generator/diff"
)

// corpusResources returns the resources folder of one version of the
// Microsoft Graph docs corpus, from $GRAPHGEN_CORPUS or ../shared/graph-docs
// beside the checkout, and skips the test, saying where it looked, when it
// is absent.
func corpusResources(t *testing.T, version string) string {
	t.Helper()
	root := os.Getenv("GRAPHGEN_CORPUS")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "graph-docs")
	}
	dir := filepath.Join(root, version, "resources")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not found at %s (set GRAPHGEN_CORPUS to the graph-docs folder to run this): %v", dir, err)
	}
	return dir
}

func generate(t *testing.T, dir string) *generator.Result {
	t.Helper()
	res, err := generator.Generate(os.DirFS(dir), dir, generator.Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("pages of %s have errors:\n%v", dir, res.Diags)
	}
	return res
}

// TestSeedAgainstItsCorpusVersion diffs spec/beta against a copy of it in
// which the seed page, inviteparticipantsoperation.md, is replaced by the
// July 2021 version of the same page from the corpus. The two differ in
// their front matter only, which is no API change.
func TestSeedAgainstItsCorpusVersion(t *testing.T) {
	const page = "inviteparticipantsoperation.md"
	spec := filepath.Join("..", "..", "spec", "beta")
	corpusPage := filepath.Join(corpusResources(t, "beta"), page)
	seed, err := os.ReadFile(filepath.Join(spec, page))
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(corpusPage)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(seed, other) {
		t.Fatalf("%s is byte for byte the seed page: the test would compare a folder with itself", corpusPage)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(spec)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, page), other, 0o644); err != nil {
		t.Fatal(err)
	}
	changes := diff.Compare(generate(t, spec).Model, generate(t, dir).Model)
	if len(changes) > 0 {
		t.Errorf("the 2021 version of %s changes the API of spec/beta; want no change:\n%s", page, render(changes))
	}
}
