package main

import (
	"flag"
	"fmt"

	"github.com/graphgen/graphgen/generator/diag"
)

var codesCommand = &command{
	name:    "codes",
	args:    "[-format F]",
	summary: "list the codes of findings, with their severity and meaning",
	doc: `Lists every code a finding can carry: its severity, which is the same whichever
command reports it, the stage that reports it, and what it means. The codes of
warnings and notes can be named in a lint suppression file.`,
	flags: func(c *cli, fs *flag.FlagSet, com *common) func([]string) int {
		return func(args []string) int {
			if code, ok := c.required(fs, args); !ok {
				return code
			}
			return c.codes(com)
		}
	},
}

// codeRecord is one code in -format json.
type codeRecord struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Stage    string `json:"stage"`
	Doc      string `json:"doc"`
}

func (c *cli) codes(com *common) int {
	codes := diag.Codes()
	if com.format == formatJSON {
		recs := make([]codeRecord, 0, len(codes))
		for _, ci := range codes {
			recs = append(recs, codeRecord{string(ci.Code), ci.Severity.String(), ci.Stage, ci.Doc})
		}
		if err := writeJSON(c.stdout, recs); err != nil {
			fmt.Fprintf(c.stderr, "graphgen codes: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	for _, ci := range codes {
		fmt.Fprintf(c.stdout, "%-22s %-7s %-7s %s\n", ci.Code, ci.Severity, ci.Stage, ci.Doc)
	}
	return exitOK
}
