package connect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestServiceAccount(t *testing.T) {
	sa := connectModel(t).ServiceAccount()
	assert.Equal(t, metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"}, sa.TypeMeta)
	assert.Equal(t, "my-connect-connect", sa.Name)
	assert.Equal(t, "my-namespace", sa.Namespace)
	assert.Equal(t, resourceLabels(nil), sa.Labels)
	assert.Nil(t, sa.Annotations)
	assert.Nil(t, sa.OwnerReferences)
	assert.Nil(t, sa.AutomountServiceAccountToken, "pods decide, and mount the token themselves")
}

func TestServiceAccountTemplate(t *testing.T) {
	sa := connectModel(t,
		"template: {serviceAccount: {metadata: {labels: {team: a}, annotations: {eks.amazonaws.com/role-arn: arn}}}}",
	).ServiceAccount()
	assert.Equal(t, resourceLabels(map[string]string{"team": "a"}), sa.Labels)
	assert.Equal(t, map[string]string{"eks.amazonaws.com/role-arn": "arn"}, sa.Annotations)
}
