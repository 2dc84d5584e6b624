package cruisecontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	corev1 "k8s.io/api/core/v1"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// HashLoginServiceApiCredentialsTest: the operator's checks of the users
// file, when its Secret is among the inputs.
func TestAPIUsersFromAnInputSecret(t *testing.T) {
	users := &strimzi.CruiseControlAPIUsers{Type: "hashLoginService", ValueFrom: &strimzi.PasswordSource{SecretKeyRef: &corev1.SecretKeySelector{
		LocalObjectReference: corev1.LocalObjectReference{Name: "cc-users"}, Key: "users"}}}
	const at = "spec.cruiseControl.apiUsers.valueFrom.secretKeyRef"
	for text, want := range map[string]string{
		"alice: pw1, USER\nbob : pw2 , VIEWER\n": "",
		"alice: pw1, USER\r\nbob: pw2, VIEWER":   "",
		"alice pw1 USER":                         "Invalid configuration provided: \"alice pw1 USER\". Cruise Control API credentials config must follow HashLoginService's file format `username: password [,rolename ...]`.",
		"alice: pw1, OWNER":                      "Unknown role: OWNER",
		"alice: pw1, USER\nalice: pw2, VIEWER":   "Duplicate username found: \"alice\". Cruise Control API credentials config must contain unique usernames.",
		"healthcheck: pw1, USER":                 "The following usernames for Cruise Control API are forbidden: [healthcheck, rebalance-operator, topic-operator]. User provided Cruise Control API credentials contain illegal username: healthcheck.",
		"alice: pw1, ADMIN":                      "The following roles for Cruise Control API are forbidden: ADMIN. User provided Cruise Control API credentials contain contains illegal role: ADMIN.",
	} {
		in := testInputs()
		in.SecretData = func(ns, name string) (map[string]string, bool) {
			return map[string]string{"users": text}, ns == "my-namespace" && name == "cc-users"
		}
		ps := checkAPIUsers(users, in)
		if want == "" {
			assert.Empty(t, ps, "%q", text)
			continue
		}
		assert.Equal(t, []results.Problem{results.Errorf(at, "%s", want)}, ps, "%q", text)
	}
	assert.Empty(t, checkAPIUsers(users, testInputs()), "no Secret among the inputs: nothing to check")
}
