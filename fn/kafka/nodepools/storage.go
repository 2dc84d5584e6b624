package nodepools

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/strimzi-render/strimzi-render/fn/names"
	"github.com/strimzi-render/strimzi-render/fn/results"
)

// Storage types and the one KRaft metadata mode.
const (
	StorageEphemeral       = "ephemeral"
	StoragePersistentClaim = "persistent-claim"
	StorageJBOD            = "jbod"
	KRaftMetadataShared    = "shared"
)

const (
	dataVolumeName = "data"
	dataMountRoot  = "/var/lib/kafka"
	// storagePath is where Strimzi's storage messages say the problem is.
	storagePath = "KafkaNodePool.spec.storage"
)

// Volume is one data volume: a single-volume storage or an item of a JBOD
// storage (Strimzi: EphemeralStorage, PersistentClaimStorage). Empty strings
// stand for absent fields.
type Volume struct {
	Type                  string // StorageEphemeral or StoragePersistentClaim
	ID                    *int   // required inside JBOD
	SizeLimit             string // ephemeral
	Size                  string // persistent-claim
	Class                 string
	VolumeAttributesClass string
	Selector              map[string]string
	DeleteClaim           bool
	KRaftMetadata         string // KRaftMetadataShared or ""
}

// Storage is a pool's spec.storage. Its fields mirror the custom resource:
// a single-volume storage fills the embedded Volume; a JBOD storage has Type
// StorageJBOD and lists Volumes.
type Storage struct {
	Volume
	Volumes []Volume
}

// JBOD reports whether the storage is a JBOD array.
func (s Storage) JBOD() bool { return s.Type == StorageJBOD }

// AllVolumes lists the data volumes in order: the one volume of a
// single-volume storage, else the JBOD volumes.
func (s Storage) AllVolumes() []Volume {
	if s.JBOD() {
		return s.Volumes
	}
	return []Volume{s.Volume}
}

// DataVolume is a data volume as a pod sees it.
type DataVolume struct {
	Name      string // data, or data-<id> inside JBOD
	MountPath string // /var/lib/kafka/<Name>
	// ClaimName is the PVC of a persistent-claim volume, <Name>-<pod>; empty
	// for an ephemeral volume, which is an emptyDir.
	ClaimName string
	Volume    Volume
}

// volumeName is VolumeUtils.createVolumePrefix: data, or data-<id> in JBOD.
func volumeName(v Volume, jbod bool) string {
	if jbod && v.ID != nil {
		return dataVolumeName + "-" + strconv.Itoa(*v.ID)
	}
	return dataVolumeName
}

// DataVolumes lists the data volumes of one pod in storage order (Strimzi:
// VolumeUtils.createPodSetVolumes and createVolumeMounts).
func (s Storage) DataVolumes(pod string) []DataVolume {
	var out []DataVolume
	for _, v := range s.AllVolumes() {
		name := volumeName(v, s.JBOD())
		dv := DataVolume{Name: name, MountPath: dataMountRoot + "/" + name, Volume: v}
		if v.Type == StoragePersistentClaim {
			dv.ClaimName = claimName(v, s.JBOD(), pod)
		}
		out = append(out, dv)
	}
	return out
}

// claimName builds the PVC name through fn/names, so PVCs and pod volumes
// cannot disagree.
func claimName(v Volume, jbod bool, pod string) string {
	if jbod && v.ID != nil {
		return names.KafkaDataClaim(pod, *v.ID)
	}
	return names.KafkaDataClaim(pod, -1)
}

// LogDirs is the log.dirs value of a node: each mount path followed by
// /kafka-log<nodeId>, comma-joined in storage order (Strimzi: withLogDirs).
func (s Storage) LogDirs(nodeID int) string {
	dirs := make([]string, 0, len(s.AllVolumes()))
	for _, dv := range s.DataVolumes("") {
		dirs = append(dirs, dv.MountPath+"/kafka-log"+strconv.Itoa(nodeID))
	}
	return strings.Join(dirs, ",")
}

// KRaftMetadataPath is the mount path of the volume that holds the KRaft
// metadata log: in JBOD the first volume marked kraftMetadata: shared, else
// the one with the lowest id (Strimzi: VolumeUtils.kraftMetadataPath).
func (s Storage) KRaftMetadataPath() string {
	if !s.JBOD() {
		return dataMountRoot + "/" + dataVolumeName
	}
	var pick *Volume
	for i := range s.Volumes {
		if s.Volumes[i].KRaftMetadata == KRaftMetadataShared {
			pick = &s.Volumes[i]
			break
		}
	}
	if pick == nil {
		for i := range s.Volumes {
			if v := &s.Volumes[i]; v.ID != nil && (pick == nil || *v.ID < *pick.ID) {
				pick = v
			}
		}
	}
	if pick == nil {
		return dataMountRoot + "/" + dataVolumeName
	}
	return dataMountRoot + "/" + volumeName(*pick, true)
}

// Validate returns every storage problem Strimzi rejects, with Strimzi's
// messages (StorageUtils.validatePersistentStorage and
// VolumeUtils.createVolumePrefix), plus JBOD ids used twice, which would give
// a pod two volumes of one name.
func (s Storage) Validate() []results.Problem {
	var probs []results.Problem
	switch s.Type {
	case StorageEphemeral:
	case StoragePersistentClaim:
		if s.Size == "" {
			probs = append(probs, sizeProblem("spec.storage.size"))
		}
	case StorageJBOD:
		if len(s.Volumes) == 0 {
			probs = append(probs, results.Problem{Path: "spec.storage.volumes",
				Message: "JbodStorage needs to contain at least one volume (" + storagePath + ")"})
		}
		seen := map[int]bool{}
		for i, v := range s.Volumes {
			at := fmt.Sprintf("spec.storage.volumes[%d]", i)
			switch v.Type {
			case StorageEphemeral:
			case StoragePersistentClaim:
				if v.Size == "" {
					probs = append(probs, sizeProblem(at+".size"))
				}
			default:
				probs = append(probs, typeProblem(at+".type", v.Type, StorageEphemeral, StoragePersistentClaim))
			}
			switch {
			case v.ID == nil:
				probs = append(probs, results.Errorf(at+".id", "The 'id' property is required for volumes in JBOD storage."))
			case seen[*v.ID]:
				probs = append(probs, results.Errorf(at+".id", "volume id %d is used by another JBOD volume; give each volume its own id", *v.ID))
			default:
				seen[*v.ID] = true
			}
		}
	default:
		probs = append(probs, typeProblem("spec.storage.type", s.Type, StorageEphemeral, StoragePersistentClaim, StorageJBOD))
	}
	return probs
}

func sizeProblem(path string) results.Problem {
	return results.Problem{Path: path, Message: "The size is mandatory for a persistent-claim storage (" + storagePath + ")"}
}

func typeProblem(path, got string, want ...string) results.Problem {
	return results.Errorf(path, "storage type %q is not supported; use one of %s", got, strings.Join(want, ", "))
}
