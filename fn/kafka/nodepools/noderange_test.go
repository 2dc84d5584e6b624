package nodepools

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// drain collects every ID a range hands out.
func drain(r *NodeIDRange) []int {
	ids := []int{}
	for {
		id, ok := r.Next()
		if !ok {
			return ids
		}
		ids = append(ids, id)
	}
}

// The valid and invalid values of Strimzi's NodeIdRangeTest, checked against
// the validation pattern alone ("[]" fails the pattern; the parser accepts it
// before the pattern runs).
func TestNodeIDRangePattern(t *testing.T) {
	cases := map[string]bool{
		"[5]":                               true,
		"[5-10]":                            true,
		"[ 5 ]":                             true,
		"[ 5 - 10    ]":                     true,
		"[0, 1, 2]":                         true,
		"[0,1,2]":                           true,
		"[5,7-9]":                           true,
		"[5 , 7-9, 13]":                     true,
		"[1874-1919]":                       true,
		"[0-999, 10000-10999, 20000-20999]": true,
		"[\v5\v]":                           true, // Java's \s includes the vertical tab
		"[]":                                false,
		"[-5]":                              false,
		"[-5-10]":                           false,
		"[5-]":                              false,
		"[5,]":                              false,
		"[-10]":                             false,
		" 5 - 10 ]":                         false,
		"[0, 1, 2":                          false,
		"[0,,2]":                            false,
		"[0, a, 2]":                         false,
		"[5,7---9]":                         false,
		"foo, bar":                          false,
		"[foo-bar]":                         false,
	}
	for value, valid := range cases {
		t.Run(value, func(t *testing.T) {
			assert.Equal(t, valid, nodeIDRangePattern.MatchString(value))
		})
	}
}

func TestParseNodeIDRange(t *testing.T) {
	cases := map[string]struct {
		value string
		ids   []int
		err   string
	}{
		"empty":                {value: "", ids: []int{}},
		"blank":                {value: "   ", ids: []int{}},
		"empty list":           {value: "[]", ids: []int{}},
		"empty list spaced":    {value: "[  ]", ids: []int{}},
		"empty list padded":    {value: " [ ] ", ids: []int{}},
		"one":                  {value: "[ 1 ]", ids: []int{1}},
		"three":                {value: "[ 1, 2, 3 ]", ids: []int{1, 2, 3}},
		"input order":          {value: "[ 1, 3, 2 ]", ids: []int{1, 3, 2}},
		"range":                {value: "[ 1-3 ]", ids: []int{1, 2, 3}},
		"two ranges":           {value: "[ 1-3, 10 - 12 ]", ids: []int{1, 2, 3, 10, 11, 12}},
		"ranges and singles":   {value: "[ 1-3, 6, 7, 8, 10 - 12 ]", ids: []int{1, 2, 3, 6, 7, 8, 10, 11, 12}},
		"range of one":         {value: "[ 1-1 ]", ids: []int{1}},
		"counting down":        {value: "[ 3-1 ]", ids: []int{3, 2, 1}},
		"up then down":         {value: "[ 1-3, 12 - 10 ]", ids: []int{1, 2, 3, 12, 11, 10}},
		"leading zeros":        {value: "[007]", ids: []int{7}},
		"largest int":          {value: "[2147483647]", ids: []int{2147483647}},
		"no brackets":          {value: "1, 2", err: "Invalid Node ID range: 1, 2"},
		"negative":             {value: "[-5]", err: "Invalid Node ID range: [-5]"},
		"unicode blank":        {value: "\u2003", ids: []int{}},
		"non-breaking blank":   {value: "\u00a0", err: "Invalid Node ID range: \u00a0"},
		"single too big":       {value: "[2147483648]", err: "Invalid Node ID (not an integer): 2147483648"},
		"range too big":        {value: "[0-999999999999999999999999999999999]", err: "Invalid Node ID (not an integer): 0-999999999999999999999999999999999"},
		"range too big spaced": {value: "[ 1 , 5 -99999999999 ]", err: "Invalid Node ID (not an integer): 5 -99999999999"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r, err := ParseNodeIDRange(tc.value)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.ids, drain(r))
		})
	}
}

// The item errors of NodeIdRangeTest.testNodeIdRangeConstructor.
func TestParseIDRangeItem(t *testing.T) {
	cases := map[string]string{
		"1":                                   "",
		"5-10":                                "",
		"10-5":                                "",
		"10 - 5":                              "",
		"":                                    "Invalid Node ID range (does not match a single node ID or node ID range): ",
		"999999999999999999999999999999999":   "Invalid Node ID (not an integer): 999999999999999999999999999999999",
		"0-999999999999999999999999999999999": "Invalid Node ID (not an integer): 0-999999999999999999999999999999999",
	}
	for item, msg := range cases {
		t.Run(item, func(t *testing.T) {
			_, err := parseIDRange(item)
			if msg == "" {
				assert.NoError(t, err)
			} else {
				assert.EqualError(t, err, msg)
			}
		})
	}
}
