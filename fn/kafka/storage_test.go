package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/results"
)

func id(n int) *int { return &n }

func jbod(vs ...Volume) Storage { return Storage{Volume: Volume{Type: StorageJBOD}, Volumes: vs} }

func TestStorageVolumes(t *testing.T) {
	cases := map[string]struct {
		storage  Storage
		volumes  []DataVolume
		logDirs  string
		metadata string
	}{
		"ephemeral (testEphemeralStorageLogDirs)": {
			storage:  Storage{Volume: Volume{Type: StorageEphemeral, SizeLimit: "5Gi"}},
			volumes:  []DataVolume{{Name: "data", MountPath: "/var/lib/kafka/data"}},
			logDirs:  "/var/lib/kafka/data/kafka-log2",
			metadata: "/var/lib/kafka/data",
		},
		"persistent (testPersistentStorageLogDirs)": {
			storage:  Storage{Volume: Volume{Type: StoragePersistentClaim, Size: "1Ti", Class: "aws-ebs", DeleteClaim: true}},
			volumes:  []DataVolume{{Name: "data", MountPath: "/var/lib/kafka/data", ClaimName: "data-my-cluster-kafka-2"}},
			logDirs:  "/var/lib/kafka/data/kafka-log2",
			metadata: "/var/lib/kafka/data",
		},
		"persistent with an id outside jbod": {
			storage:  Storage{Volume: Volume{Type: StoragePersistentClaim, ID: id(3), Size: "1Gi"}},
			volumes:  []DataVolume{{Name: "data", MountPath: "/var/lib/kafka/data", ClaimName: "data-my-cluster-kafka-2"}},
			logDirs:  "/var/lib/kafka/data/kafka-log2",
			metadata: "/var/lib/kafka/data",
		},
		"jbod (testJbodStorageLogDirs)": {
			storage: jbod(
				Volume{Type: StoragePersistentClaim, ID: id(1), Size: "1Ti"},
				Volume{Type: StorageEphemeral, ID: id(2), SizeLimit: "5Gi"},
				Volume{Type: StoragePersistentClaim, ID: id(5), Size: "10Ti"},
			),
			volumes: []DataVolume{
				{Name: "data-1", MountPath: "/var/lib/kafka/data-1", ClaimName: "data-1-my-cluster-kafka-2"},
				{Name: "data-2", MountPath: "/var/lib/kafka/data-2"},
				{Name: "data-5", MountPath: "/var/lib/kafka/data-5", ClaimName: "data-5-my-cluster-kafka-2"},
			},
			logDirs:  "/var/lib/kafka/data-1/kafka-log2,/var/lib/kafka/data-2/kafka-log2,/var/lib/kafka/data-5/kafka-log2",
			metadata: "/var/lib/kafka/data-1",
		},
		"jbod metadata on the lowest id": {
			storage: jbod(
				Volume{Type: StoragePersistentClaim, ID: id(7), Size: "1Gi"},
				Volume{Type: StoragePersistentClaim, ID: id(4), Size: "1Gi"},
			),
			volumes: []DataVolume{
				{Name: "data-7", MountPath: "/var/lib/kafka/data-7", ClaimName: "data-7-my-cluster-kafka-2"},
				{Name: "data-4", MountPath: "/var/lib/kafka/data-4", ClaimName: "data-4-my-cluster-kafka-2"},
			},
			logDirs:  "/var/lib/kafka/data-7/kafka-log2,/var/lib/kafka/data-4/kafka-log2",
			metadata: "/var/lib/kafka/data-4",
		},
		"jbod metadata on the first shared volume": {
			storage: jbod(
				Volume{Type: StoragePersistentClaim, ID: id(0), Size: "1Gi"},
				Volume{Type: StoragePersistentClaim, ID: id(8), Size: "1Gi", KRaftMetadata: KRaftMetadataShared},
				Volume{Type: StoragePersistentClaim, ID: id(9), Size: "1Gi", KRaftMetadata: KRaftMetadataShared},
			),
			volumes: []DataVolume{
				{Name: "data-0", MountPath: "/var/lib/kafka/data-0", ClaimName: "data-0-my-cluster-kafka-2"},
				{Name: "data-8", MountPath: "/var/lib/kafka/data-8", ClaimName: "data-8-my-cluster-kafka-2"},
				{Name: "data-9", MountPath: "/var/lib/kafka/data-9", ClaimName: "data-9-my-cluster-kafka-2"},
			},
			logDirs:  "/var/lib/kafka/data-0/kafka-log2,/var/lib/kafka/data-8/kafka-log2,/var/lib/kafka/data-9/kafka-log2",
			metadata: "/var/lib/kafka/data-8",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got := tc.storage.DataVolumes("my-cluster-kafka-2")
			for i := range got {
				got[i].Volume = Volume{}
			}
			assert.Equal(t, tc.volumes, got)
			assert.Equal(t, tc.logDirs, tc.storage.LogDirs(2))
			assert.Equal(t, tc.metadata, tc.storage.KRaftMetadataPath())
		})
	}
}

func TestStorageValidate(t *testing.T) {
	cases := map[string]struct {
		storage Storage
		want    []results.Problem
	}{
		"ephemeral":  {storage: Storage{Volume: Volume{Type: StorageEphemeral}}},
		"persistent": {storage: Storage{Volume: Volume{Type: StoragePersistentClaim, Size: "1Gi"}}},
		"persistent without size": {
			storage: Storage{Volume: Volume{Type: StoragePersistentClaim}},
			want:    []results.Problem{{Path: "spec.storage.size", Message: "The size is mandatory for a persistent-claim storage (KafkaNodePool.spec.storage)"}},
		},
		"empty jbod": {
			storage: jbod(),
			want:    []results.Problem{{Path: "spec.storage.volumes", Message: "JbodStorage needs to contain at least one volume (KafkaNodePool.spec.storage)"}},
		},
		"jbod volumes": {
			storage: jbod(
				Volume{Type: StoragePersistentClaim, ID: id(0), Size: "1Gi"},
				Volume{Type: StoragePersistentClaim},
				Volume{Type: StorageEphemeral, ID: id(0)},
				Volume{Type: StorageJBOD, ID: id(3)},
			),
			want: []results.Problem{
				{Path: "spec.storage.volumes[1].size", Message: "The size is mandatory for a persistent-claim storage (KafkaNodePool.spec.storage)"},
				{Path: "spec.storage.volumes[1].id", Message: "The 'id' property is required for volumes in JBOD storage."},
				{Path: "spec.storage.volumes[2].id", Message: "volume id 0 is used by another JBOD volume; give each volume its own id"},
				{Path: "spec.storage.volumes[3].type", Message: `storage type "jbod" is not supported; use one of ephemeral, persistent-claim`},
			},
		},
		"unknown type": {
			storage: Storage{Volume: Volume{Type: "disk"}},
			want:    []results.Problem{{Path: "spec.storage.type", Message: `storage type "disk" is not supported; use one of ephemeral, persistent-claim, jbod`}},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.storage.Validate())
		})
	}
}

func TestStorageAnnotation(t *testing.T) {
	cases := map[string]struct {
		storage Storage
		want    string
	}{
		"dual-role example (strimzi-fidelity.md §10.3)": {
			storage: jbod(Volume{Type: StoragePersistentClaim, ID: id(0), Size: "100Gi", KRaftMetadata: KRaftMetadataShared}),
			want:    `{"type":"jbod","volumes":[{"id":0,"type":"persistent-claim","size":"100Gi","kraftMetadata":"shared"}]}`,
		},
		"persistent with every field": {
			storage: Storage{Volume: Volume{
				Type: StoragePersistentClaim, ID: id(1), Size: "1Ti", Class: "fast", VolumeAttributesClass: "gold",
				Selector: map[string]string{"zone": "b", "disk": "ssd"}, DeleteClaim: true, KRaftMetadata: KRaftMetadataShared,
			}},
			want: `{"id":1,"type":"persistent-claim","size":"1Ti","kraftMetadata":"shared","class":"fast",` +
				`"volumeAttributesClass":"gold","selector":{"disk":"ssd","zone":"b"},"deleteClaim":true}`,
		},
		"deleteClaim false left out": {
			storage: Storage{Volume: Volume{Type: StoragePersistentClaim, Size: "1Gi"}},
			want:    `{"type":"persistent-claim","size":"1Gi"}`,
		},
		"ephemeral": {
			storage: Storage{Volume: Volume{Type: StorageEphemeral, SizeLimit: "5Gi"}},
			want:    `{"sizeLimit":"5Gi","type":"ephemeral"}`,
		},
		"ephemeral in jbod": {
			storage: jbod(Volume{Type: StorageEphemeral, ID: id(2), KRaftMetadata: KRaftMetadataShared}),
			want:    `{"type":"jbod","volumes":[{"id":2,"type":"ephemeral","kraftMetadata":"shared"}]}`,
		},
		"escaping as Jackson does": {
			storage: Storage{Volume: Volume{Type: StoragePersistentClaim, Size: "1Gi", Class: "a\"b\\c<d>&é\x01\n"}},
			want:    `{"type":"persistent-claim","size":"1Gi","class":"a\"b\\c<d>&é\u0001\n"}`,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.storage.Annotation())
		})
	}
}
