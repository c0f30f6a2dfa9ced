package main

import (
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/graphgen/graphgen/generator/diag"
)

// SARIF 2.1.0 (OASIS), the format GitHub code scanning reads: unlike
// workflow annotations, which a run prints and forgets, code scanning keeps
// the results of each run as alerts and tracks them from run to run.
// Only the properties graphgen has something to say in are written.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// sarifInfoURI is where users learn about the tool, for
	// tool.driver.informationUri.
	sarifInfoURI = "https://github.com/graphgen/graphgen"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

// sarifRule is one code of the registry.
type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProps tags a rule with the stage that reports it, which code
// scanning shows as a filter.
type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

// sarifRegion is where a finding is. Columns count bytes, as every
// position of graphgen does: SARIF's default counts UTF-16 code units, which
// agree on ASCII lines, and the keys and values the findings point at start
// after ASCII indentation and punctuation.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// sarifLevel maps a severity to a SARIF level; SARIF's "note" is info.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI writes a finding's file as a URI reference: a relative path
// stays relative, with forward slashes, so that code scanning finds it
// from the root of the checkout where the command ran; an absolute one
// becomes a file URI.
func sarifURI(file string) string {
	p := filepath.ToSlash(file)
	if filepath.IsAbs(file) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive: file:///C:/…
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: path.Clean(p)}).String()
}

// writeSARIF prints l as a SARIF log of one run of graphgen, whose rules
// are every code of the registry, so that a result's rule is described
// whether or not the run found others of it.
func writeSARIF(w io.Writer, l diag.List) error {
	codes := diag.Codes()
	driver := sarifDriver{Name: "graphgen", Version: moduleVersion(), InformationURI: sarifInfoURI, Rules: make([]sarifRule, 0, len(codes))}
	index := make(map[diag.Code]int, len(codes))
	for i, c := range codes {
		index[c.Code] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   string(c.Code),
			ShortDescription:     sarifMessage{Text: c.Doc},
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(c.Severity)},
			Properties:           sarifRuleProps{Tags: []string{c.Stage}},
		})
	}
	results := make([]sarifResult, 0, len(l))
	for _, d := range l {
		r := sarifResult{RuleID: string(d.Code), RuleIndex: index[d.Code], Level: sarifLevel(d.Severity), Message: sarifMessage{Text: d.Message}}
		if d.Pos.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: sarifURI(d.Pos.File)}}}
			if d.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: d.Pos.Line, StartColumn: d.Pos.Col}
			}
			r.Locations = []sarifLocation{loc}
		}
		results = append(results, r)
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}}})
}
