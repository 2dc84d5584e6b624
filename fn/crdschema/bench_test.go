package crdschema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// largeKafka is a Kafka with every component, templates, 20 listeners of
// 10 brokers each and 500 config options: about 1,000 lines, many of them
// in flow style, and 5,000 nodes.
func largeKafka(mistakes bool) string {
	var b strings.Builder
	b.WriteString("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: big\n  namespace: kafka\n  labels: {app: big}\nspec:\n  kafka:\n    version: 4.2.0\n    listeners:\n")
	for i := range 20 {
		fmt.Fprintf(&b, "    - name: l%d\n      port: %d\n      type: cluster-ip\n      tls: true\n", i, 9092+i)
		b.WriteString("      authentication: {type: tls}\n      configuration:\n        bootstrap: {alternativeNames: [a, b], annotations: {a: b}}\n        brokers:\n")
		for j := range 10 {
			fmt.Fprintf(&b, "        - {broker: %d, advertisedHost: b%d.example.com, advertisedPort: %d, annotations: {a: b}, labels: {c: d}}\n", j, j, 9000+j)
		}
		b.WriteString("      networkPolicyPeers:\n      - podSelector: {matchLabels: {app: client}}\n      - namespaceSelector: {matchExpressions: [{key: a, operator: In, values: [x, y]}]}\n")
	}
	b.WriteString("    config:\n")
	for i := range 500 {
		fmt.Fprintf(&b, "      option.%d: %d\n", i, i)
	}
	b.WriteString(`    authorization: {type: simple, superUsers: [CN=a, CN=b]}
    rack: {topologyKey: topology.kubernetes.io/zone}
    livenessProbe: {initialDelaySeconds: 15, timeoutSeconds: 5}
    readinessProbe: {initialDelaySeconds: 15, timeoutSeconds: 5}
    jvmOptions: {-Xms: 2g, -Xmx: 2g, -XX: {UseG1GC: "true"}, javaSystemProperties: [{name: a, value: b}]}
    metricsConfig: {type: jmxPrometheusExporter, valueFrom: {configMapKeyRef: {name: metrics, key: kafka.yaml}}}
    logging: {type: inline, loggers: {rootLogger.level: INFO}}
    template:
`)
	b.WriteString(templates("      "))
	b.WriteString(`  entityOperator:
    topicOperator: {resources: {requests: {cpu: 100m, memory: 256Mi}}, logging: {type: inline}}
    userOperator: {resources: {requests: {cpu: 100m, memory: 256Mi}}}
  cruiseControl:
    brokerCapacity: {inboundNetwork: 10000KiB/s, overrides: [{brokers: [0, 1, 2], cpu: "2"}]}
    config: {a: b}
    autoRebalance: [{mode: add-brokers}, {mode: remove-brokers}]
  kafkaExporter: {topicRegex: ".*", groupRegex: ".*"}
`)
	if mistakes {
		b.WriteString("  entityOpertor: {}\n  clusterCa: {validityDays: 0, renewalDays: x}\n")
	}
	return b.String()
}

func templates(indent string) string {
	t := `pod:
  metadata: {labels: {a: b}, annotations: {c: d}}
  securityContext: {runAsNonRoot: true, fsGroup: 1000, seccompProfile: {type: RuntimeDefault}}
  affinity:
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: big}}}
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a, b, c]}]}]
  tolerations: [{key: a, operator: Exists, effect: NoSchedule}, {key: b, operator: Equal, value: c}]
  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]
  volumes: [{name: extra, secret: {secretName: extra}}, {name: scratch, emptyDir: {sizeLimit: 1Gi}}]
kafkaContainer:
  env: [{name: A, value: a}, {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}]
  securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
  volumeMounts: [{name: extra, mountPath: /mnt/extra}]
bootstrapService: {metadata: {labels: {a: b}}, ipFamilyPolicy: SingleStack}
podDisruptionBudget: {maxUnavailable: 1}
`
	return indent + strings.ReplaceAll(strings.TrimSuffix(t, "\n"), "\n", "\n"+indent) + "\n"
}

func BenchmarkCheckLargeKafka(b *testing.B) {
	for _, mistakes := range []bool{false, true} {
		text := largeKafka(mistakes)
		b.Run(fmt.Sprintf("lines=%d/mistakes=%t", strings.Count(text, "\n"), mistakes), func(b *testing.B) {
			node, err := parseText(text)
			require.NoError(b, err)
			b.ReportAllocs()
			for b.Loop() {
				ps := Check(node)
				if len(ps) > 0 != mistakes {
					b.Fatalf("problems: %v", ps)
				}
			}
		})
	}
}
