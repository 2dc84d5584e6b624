package entityoperator

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/strimzi-render/strimzi-render/fn/names"
)

// keyLogging is the key of the logging ConfigMaps (LoggingModel.LOG4J2_CONFIG_MAP_KEY).
const keyLogging = "log4j2.properties"

// ConfigMap is <cluster>-entity-topic-operator-config with the Topic
// Operator's log4j2.properties (EntityTopicOperator.generateMetricsAndLogConfigMap).
func (to *TopicOperator) ConfigMap() *corev1.ConfigMap {
	return loggingConfigMap(names.EntityTopicOperatorConfig(to.cluster.Name), to.cluster.Namespace, to.resourceLabels, to.logging)
}

// ConfigMap is <cluster>-entity-user-operator-config with the User
// Operator's log4j2.properties (EntityUserOperator.generateMetricsAndLogConfigMap).
func (uo *UserOperator) ConfigMap() *corev1.ConfigMap {
	return loggingConfigMap(names.EntityUserOperatorConfig(uo.cluster.Name), uo.cluster.Namespace, uo.resourceLabels, uo.logging)
}

func loggingConfigMap(name, namespace string, l map[string]string, text string) *corev1.ConfigMap {
	return &corev1.ConfigMap{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: namespace, Labels: l},
		Data:       map[string]string{keyLogging: text},
	}
}
