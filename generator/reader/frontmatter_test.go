package reader

import (
	"slices"
	"testing"
)

// FuzzSimpleFrontMatter holds the front matter read without a YAML parser
// to what yaml.v3 makes of the same text, whenever it reads it at all.
func FuzzSimpleFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"title: \"user resource type\"\ndescription: \"Represents an Azure AD user account. Inherits from directoryObject.\"\nlocalization_priority: Priority\nms.prod: \"users\"\ndoc_type: resourcePageType\n",
		"ms.date: 09/24/2019\n",
		"title: \"caf\u00e9 \u00a0 x\"\n",
		"title: \"a # b: c\"\n",
		"title: null\n",
		"title: \"\"\n",
		"title: \"x\"\ntitle: \"y\"\n",
		"title: \"esc\\\"aped\"\n",
		"title: plain words\n",
		"title:\n",
		"- a: b\n",
		"...: x\n",
		"title: \"x\" \n",
		"title: \"\t\"\n",
		"title: \"\u2028\"\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		got, ok := simpleFrontMatter(text)
		if !ok {
			return
		}
		want, err := yamlFrontMatter(text)
		if err != nil {
			t.Fatalf("simpleFrontMatter(%q) = %q, but yaml.v3 rejects it: %v", text, got, err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("simpleFrontMatter(%q) = %q, yaml.v3 reads %q", text, got, want)
		}
	})
}

// TestSimpleFrontMatterReadsTheCorpusShape pins that the pages' usual front
// matter takes the fast way: the shortcut is worth nothing if it never does.
func TestSimpleFrontMatterReadsTheCorpusShape(t *testing.T) {
	text := []byte("title: \"user resource type\"\ndescription: \"Represents an Azure AD user account.\"\nauthor: \"jpettere\"\nlocalization_priority: Priority\nms.prod: \"users\"\ndoc_type: resourcePageType\nms.date: 09/24/2019\n")
	if _, ok := simpleFrontMatter(text); !ok {
		t.Errorf("simpleFrontMatter(%q) falls back to yaml.v3", text)
	}
}
