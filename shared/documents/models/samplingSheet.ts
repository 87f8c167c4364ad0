/** 监督检查抽样单: the spot-check record as the paper the samplers and the unit sign. */
import { findRegion } from '../../domain/regions';
import type { Signature } from '../../schemas/signature';
import { yuan, zhDate } from '../format';
import { labelFor, SAMPLING_LINK_LABELS, SAMPLING_TYPE_LABELS } from '../labels';
import { signatureSlot } from '../signatures';
import type { SamplingSheetView, SignatureSlotView } from '../view';
import { headerFor, type SpotCheckDocumentInput } from './input';

const KIND = 'samplingSheet';

const withUnit = (n: string, unit: string) => (n ? `${n}${unit}` : '');

/**
 * The unit's signatory: a signature captured for this form if there is one, else what the
 * record's signatory section says (a name printed to sign beside, or a refusal).
 */
function partySlot(sigs: readonly Signature[], d: SpotCheckDocumentInput['record']['data']) {
  const slot: SignatureSlotView = signatureSlot(sigs, KIND, '', 'party', '受检单位');
  if (slot.signatures.length > 0) return slot;
  const s = d.signatory;
  if (!s.refused && s.name.trim() === '') return slot;
  return {
    ...slot,
    signatures: [
      {
        name: s.refused ? '' : s.name,
        sha256: '',
        refused: s.refused,
        refusalReason: s.refusalReason,
        witness: s.witness,
        date: s.refused ? '' : zhDate(d.sample.samplingDate),
      },
    ],
  };
}

export function buildSamplingSheet(input: SpotCheckDocumentInput): SamplingSheetView {
  const d = input.record.data;
  const unit = d.sample.quantityUnit;
  const sameProducer = d.producer.sameAsSampledUnit;
  const licence = [d.sampledUnit.licenceType, d.sampledUnit.licenceNumber]
    .filter((v) => v)
    .join(' ');
  return {
    kind: KIND,
    header: headerFor(KIND, input.agencyName, d.basic.recordNumber),
    recordNumber: d.basic.recordNumber,
    task: {
      source: d.basic.taskSource,
      number: d.basic.taskNumber,
      organizingDepartment: d.basic.organizingDepartment,
      testingInstitution: d.basic.testingInstitution,
      samplingType: labelFor(SAMPLING_TYPE_LABELS, d.basic.samplingType),
      link: labelFor(SAMPLING_LINK_LABELS, d.basic.link),
      category: input.categoryName,
      place: d.basic.samplingPlace,
      purpose: d.basic.purpose,
    },
    sampledUnit: {
      name: d.sampledUnit.name,
      creditCode: d.sampledUnit.creditCode,
      region: findRegion(d.sampledUnit.regionCode)?.zh ?? '',
      address: d.sampledUnit.address,
      licence,
      annualSales: d.sampledUnit.annualSales ? `${d.sampledUnit.annualSales}万元` : '',
      legalRepresentative: d.sampledUnit.legalRepresentative,
      contactPerson: d.sampledUnit.contactPerson,
      contactPhone: d.sampledUnit.contactPhone,
    },
    producer: {
      sameAsSampledUnit: sameProducer,
      name: sameProducer ? d.sampledUnit.name : d.producer.name,
      address: sameProducer ? d.sampledUnit.address : d.producer.address,
      licenceNumber: sameProducer ? d.sampledUnit.licenceNumber : d.producer.licenceNumber,
      contactPerson: sameProducer ? d.sampledUnit.contactPerson : d.producer.contactPerson,
      contactPhone: sameProducer ? d.sampledUnit.contactPhone : d.producer.contactPhone,
      entrustedProducer: d.producer.entrustedProducer,
    },
    sample: {
      name: d.sample.name,
      trademark: d.sample.trademark,
      specification: d.sample.specification,
      batchNumber: d.sample.batchNumber,
      productionDate: zhDate(d.sample.productionDate),
      shelfLife: d.sample.shelfLife,
      sampleType: d.sample.sampleType,
      sampleSource: d.sample.sampleSource,
      sampleAttribute: d.sample.sampleAttribute,
      packaging: d.sample.packaging,
      qualityGrade: d.sample.qualityGrade,
      unitPrice: yuan(d.sample.unitPrice),
      imported: d.sample.imported ? '是' : '否',
      origin: d.sample.origin,
      samplingDate: zhDate(d.sample.samplingDate),
      samplingMethod: d.sample.samplingMethod,
      samplingTools: d.sample.samplingTools,
      sampleForm: d.sample.sampleForm,
      storageConditions: d.sample.storageConditions,
      samplingBase: withUnit(d.sample.samplingBase, unit),
      sampleQuantity: withUnit(d.sample.sampleQuantity, unit),
      backupQuantity: withUnit(d.sample.backupQuantity, unit),
      executedStandard: d.sample.executedStandard,
      remarks: d.sample.remarks,
    },
    seals: {
      testSample: d.seals.testSampleSealNumber,
      backupSample: d.seals.backupSampleSealNumber,
      state: d.seals.sealedIntact ? '封样完好' : '封样异常',
      note: d.seals.sealNote,
    },
    samplers: d.samplers
      .filter((s) => s.name.trim() !== '')
      .map((s) => ({ name: s.name, credentialNumber: s.credentialNumber })),
    signatory: { position: d.signatory.position, phone: d.signatory.phone },
    signatures: {
      samplers: signatureSlot(d.signatures, KIND, '', 'officer', '抽样人员'),
      party: partySlot(d.signatures, d),
    },
  };
}
