package cruisecontrol

import (
	"regexp"
	"slices"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/javacompat"
	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// hashLoginLine is one line of Jetty's HashLoginService file as Strimzi
// accepts it: username: password, role.
var hashLoginLine = regexp.MustCompile(`^[\w-]+\s*:\s*\w+\s*,\s*\w+\s*$`)

// reservedUsers are the users the operator manages itself
// (HashLoginServiceApiCredentials.FORBIDDEN_USERNAMES).
var reservedUsers = []string{healthCheckUser, rebalanceUser, topicOperatorUser}

// checkAPIUsers applies HashLoginServiceApiCredentials's checks to the
// users of spec.cruiseControl.apiUsers, when their Secret is among the
// input resources: the operator refuses a line it cannot read, a user
// given twice, an unknown role, its own users and the ADMIN role. Without
// the Secret there is nothing to check offline.
func checkAPIUsers(u *strimzi.CruiseControlAPIUsers, in Inputs) []results.Problem {
	if u == nil || u.ValueFrom == nil || u.ValueFrom.SecretKeyRef == nil || in.SecretData == nil {
		return nil
	}
	ref := u.ValueFrom.SecretKeyRef
	text, ok := in.SecretData.Key(in.Namespace, ref.Name, ref.Key)
	if !ok {
		return nil
	}
	at := Path + ".apiUsers.valueFrom.secretKeyRef"
	type entry struct{ user, role string }
	var entries []entry
	seen := map[string]bool{}
	for _, line := range lines(text) {
		if !hashLoginLine.MatchString(line) {
			return []results.Problem{results.Errorf(at, "Invalid configuration provided: %q. Cruise Control API credentials config must follow HashLoginService's file format `username: password [,rolename ...]`.", line)}
		}
		compact := strings.Join(strings.Fields(line), "")
		user, rest, _ := strings.Cut(compact, ":")
		_, role, _ := strings.Cut(rest, ",")
		if !slices.Contains([]string{"VIEWER", "USER", "ADMIN"}, role) {
			return []results.Problem{results.Errorf(at, "Unknown role: %s", role)}
		}
		if seen[user] {
			return []results.Problem{results.Errorf(at, "Duplicate username found: %q. Cruise Control API credentials config must contain unique usernames.", user)}
		}
		seen[user] = true
		entries = append(entries, entry{user, role})
	}
	for _, e := range entries {
		if slices.Contains(reservedUsers, e.user) {
			return []results.Problem{results.Errorf(at, "The following usernames for Cruise Control API are forbidden: %s. User provided Cruise Control API credentials contain illegal username: %s.",
				javacompat.ListString(reservedUsers), e.user)}
		}
		if e.role == "ADMIN" {
			return []results.Problem{results.Errorf(at, "The following roles for Cruise Control API are forbidden: ADMIN. User provided Cruise Control API credentials contain contains illegal role: ADMIN.")}
		}
	}
	return nil
}

// lines splits text as Java's String.lines does: at \n, \r or \r\n, with
// no empty last line.
func lines(text string) []string {
	if text == "" {
		return nil
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	out := strings.Split(text, "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}
