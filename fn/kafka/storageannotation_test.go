package kafka

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/strimzi-render/strimzi-render/fn/kafka/nodepools"
)

func id(n int) *int { return &n }

func jbod(vs ...nodepools.Volume) nodepools.Storage {
	return nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StorageJBOD}, Volumes: vs}
}

func TestStorageAnnotation(t *testing.T) {
	cases := map[string]struct {
		storage nodepools.Storage
		want    string
	}{
		"dual-role example": {
			storage: jbod(nodepools.Volume{Type: nodepools.StoragePersistentClaim, ID: id(0), Size: "100Gi", KRaftMetadata: nodepools.KRaftMetadataShared}),
			want:    `{"type":"jbod","volumes":[{"id":0,"type":"persistent-claim","size":"100Gi","kraftMetadata":"shared"}]}`,
		},
		"persistent with every field": {
			storage: nodepools.Storage{Volume: nodepools.Volume{
				Type: nodepools.StoragePersistentClaim, ID: id(1), Size: "1Ti", Class: "fast", VolumeAttributesClass: "gold",
				Selector: map[string]string{"zone": "b", "disk": "ssd"}, DeleteClaim: true, KRaftMetadata: nodepools.KRaftMetadataShared,
			}},
			want: `{"id":1,"type":"persistent-claim","size":"1Ti","kraftMetadata":"shared","class":"fast",` +
				`"volumeAttributesClass":"gold","selector":{"disk":"ssd","zone":"b"},"deleteClaim":true}`,
		},
		"deleteClaim false left out": {
			storage: nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StoragePersistentClaim, Size: "1Gi"}},
			want:    `{"type":"persistent-claim","size":"1Gi"}`,
		},
		"ephemeral": {
			storage: nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StorageEphemeral, SizeLimit: "5Gi"}},
			want:    `{"sizeLimit":"5Gi","type":"ephemeral"}`,
		},
		"ephemeral in jbod": {
			storage: jbod(nodepools.Volume{Type: nodepools.StorageEphemeral, ID: id(2), KRaftMetadata: nodepools.KRaftMetadataShared}),
			want:    `{"type":"jbod","volumes":[{"id":2,"type":"ephemeral","kraftMetadata":"shared"}]}`,
		},
		"escaping as Jackson does": {
			storage: nodepools.Storage{Volume: nodepools.Volume{Type: nodepools.StoragePersistentClaim, Size: "1Gi", Class: "a\"b\\c<d>&é\x01\n"}},
			want:    `{"type":"persistent-claim","size":"1Gi","class":"a\"b\\c<d>&é\u0001\n"}`,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, storageAnnotation(tc.storage))
		})
	}
}
