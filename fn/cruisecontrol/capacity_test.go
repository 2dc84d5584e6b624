package cruisecontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/strimzi-render/strimzi-render/fn/results"
	"github.com/strimzi-render/strimzi-render/fn/strimzi"
)

// Sizes as StorageUtils.convertTo(size, "Mi") and throughputs as
// NetworkCapacity.getThroughputInKiB give them, printed by Java.
func TestSizesAndThroughputs(t *testing.T) {
	for size, want := range map[string]string{
		"100Gi": "102400.0", "1Ti": "1048576.0", "500G": "476837.158203125", "10Mi": "10.0", "1.5Gi": "1536.0",
	} {
		got, err := sizeMiB(size)
		require.NoError(t, err, size)
		assert.Equal(t, want, got, size)
	}
	for tp, want := range map[string]string{
		"10000KiB/s": "10000.0", "1MiB/s": "1024.0", "1MB/s": "976.5625", "100B/s": "0.09765625", "2GiB/s": "2097152.0",
	} {
		got, err := throughputKiB(tp)
		require.NoError(t, err, tp)
		assert.Equal(t, want, got, tp)
	}
	_, err := sizeMiB("100k")
	assert.EqualError(t, err, "invalid memory suffix: k")
}

// CpuCapacity: override, then brokerCapacity, then the pool's request.
func TestCPUCapacity(t *testing.T) {
	for cores, want := range map[string]string{"1": "1.0", "1.5": "1.5", "1500m": "1.5", "0.250": "0.25", "2": "2.0"} {
		got, err := cpuCapacity(strimzi.BrokerCapacity{CPU: cores}, strimzi.BrokerCapacityOverride{}, Broker{})
		require.NoError(t, err)
		assert.Equal(t, want, got, cores)
	}
	b := testInputs().Brokers[0]
	got, _ := cpuCapacity(strimzi.BrokerCapacity{}, strimzi.BrokerCapacityOverride{}, b)
	assert.Equal(t, "2.0", got, "the pool's request")
	got, _ = cpuCapacity(strimzi.BrokerCapacity{CPU: "3"}, strimzi.BrokerCapacityOverride{CPU: "500m"}, b)
	assert.Equal(t, "0.5", got, "the override first")
	got, _ = cpuCapacity(strimzi.BrokerCapacity{}, strimzi.BrokerCapacityOverride{}, Broker{})
	assert.Equal(t, "1.0", got, "the default")
}

// CapacityConfigurationTest: JBOD volumes each get a log dir, in the order
// a HashMap iterates them; the JSON is Jackson's pretty print.
func TestCapacityJSON(t *testing.T) {
	c, ps := newCapacity(&strimzi.BrokerCapacity{
		InboundNetwork: "10000KiB/s",
		Overrides:      []strimzi.BrokerCapacityOverride{{Brokers: []int{1}, InboundNetwork: "20000KiB/s", CPU: "2.5"}},
	}, []Broker{
		{ID: 0, Pool: "a", JBOD: true, Volumes: []Volume{{ID: 3, Size: "1Ti"}, {ID: 0, Size: "100Gi"}}},
		{ID: 1, Pool: "b", Volumes: []Volume{{Size: ""}}},
	})
	require.Empty(t, ps)
	assert.Equal(t, `{
  "brokerCapacities" : [ {
    "brokerId" : 0,
    "capacity" : {
      "DISK" : {
        "/var/lib/kafka/data-0/kafka-log0" : "102400.0",
        "/var/lib/kafka/data-3/kafka-log0" : "1048576.0"
      },
      "CPU" : {
        "num.cores" : "1.0"
      },
      "NW_IN" : "10000.0",
      "NW_OUT" : "10000.0"
    },
    "doc" : "Capacity for Broker 0"
  }, {
    "brokerId" : 1,
    "capacity" : {
      "DISK" : "100000",
      "CPU" : {
        "num.cores" : "2.5"
      },
      "NW_IN" : "20000.0",
      "NW_OUT" : "10000.0"
    },
    "doc" : "Capacity for Broker 1"
  } ]
}`, c.JSON())
	assert.True(t, c.inboundSet())
	assert.False(t, c.inboundHomogeneous())
	assert.False(t, c.outboundSet())
}

// Strimzi only logs overrides it cannot use.
func TestOverridesStrimziIgnores(t *testing.T) {
	_, ps := newCapacity(&strimzi.BrokerCapacity{Overrides: []strimzi.BrokerCapacityOverride{
		{Brokers: []int{0, 7}, CPU: "1"}, {Brokers: []int{0}, CPU: "2"},
	}}, testInputs().Brokers)
	assert.Equal(t, []results.Problem{
		results.Warningf("spec.cruiseControl.brokerCapacity.overrides[0].brokers", "Ignoring broker capacity override for unknown node ID 7"),
		results.Warningf("spec.cruiseControl.brokerCapacity.overrides[1].brokers", "Duplicate broker brokerId 0 found in overrides, using first occurrence."),
	}, ps)
}

// CapacityConfigurationTest.testBrokerCapacity, its expected text as is:
// the log dirs of broker 1 come in another order, the HashMap's.
func TestCapacityAsStrimziTestExpects(t *testing.T) {
	var brokers []Broker
	for id := range 3 {
		brokers = append(brokers, Broker{ID: id, Pool: "brokers", JBOD: true, Volumes: []Volume{{ID: 0, Size: "50Gi"}, {ID: 1, Size: "60Gi"}}})
	}
	c, ps := newCapacity(&strimzi.BrokerCapacity{CPU: "2575m", InboundNetwork: "50000KB/s", OutboundNetwork: "50000KB/s"}, brokers)
	require.Empty(t, ps)
	assert.Equal(t, `{
  "brokerCapacities" : [ {
    "brokerId" : 0,
    "capacity" : {
      "DISK" : {
        "/var/lib/kafka/data-0/kafka-log0" : "51200.0",
        "/var/lib/kafka/data-1/kafka-log0" : "61440.0"
      },
      "CPU" : {
        "num.cores" : "2.575"
      },
      "NW_IN" : "48828.125",
      "NW_OUT" : "48828.125"
    },
    "doc" : "Capacity for Broker 0"
  }, {
    "brokerId" : 1,
    "capacity" : {
      "DISK" : {
        "/var/lib/kafka/data-1/kafka-log1" : "61440.0",
        "/var/lib/kafka/data-0/kafka-log1" : "51200.0"
      },
      "CPU" : {
        "num.cores" : "2.575"
      },
      "NW_IN" : "48828.125",
      "NW_OUT" : "48828.125"
    },
    "doc" : "Capacity for Broker 1"
  }, {
    "brokerId" : 2,
    "capacity" : {
      "DISK" : {
        "/var/lib/kafka/data-0/kafka-log2" : "51200.0",
        "/var/lib/kafka/data-1/kafka-log2" : "61440.0"
      },
      "CPU" : {
        "num.cores" : "2.575"
      },
      "NW_IN" : "48828.125",
      "NW_OUT" : "48828.125"
    },
    "doc" : "Capacity for Broker 2"
  } ]
}`, c.JSON())
}
