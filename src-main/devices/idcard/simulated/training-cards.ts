import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainingCardSample } from '../../../contract/training.ts';
import { AN, buildCard, type CardImage, type Person } from './card-data.ts';
import { makeTestPki, type TestPki } from './test-pki.ts';
import { VirtualChip } from './virtual-chip.ts';

/** Sample citizens for practice; made-up people with well-formed 12-digit ID numbers. */
export const TRAINING_PEOPLE: Record<TrainingCardSample, Person> = {
  an: AN,
  binh: {
    idNumber: '079185004321',
    fullName: 'Trần Thị Bình',
    dateOfBirth: '15/08/1985',
    sex: 'Nữ',
    placeOfOrigin: 'Xã Thực Hành, Tỉnh Mẫu',
    placeOfResidence: 'Số 12, Thôn Đông, Xã Thực Hành, Tỉnh Mẫu',
    issueDate: '10/10/2022',
    expiryDate: '15/08/2045',
    father: 'Trần Văn Cường',
    mother: 'Lê Thị Dung',
    mrzName: 'TRAN<<THI<BINH',
  },
};

/** The trusted CSCA file training writes, replaced at each start (its key pair lives in memory only). */
export const TRAINING_CSCA_FILE = 'training-csca.der';

/**
 * The cards of training mode: signed by a training CSCA made at start, which is written into the
 * card service's CSCA folder so passive authentication shows "valid", as on a real card.
 */
export class TrainingCards {
  private pki?: Promise<TestPki>;
  private readonly images = new Map<TrainingCardSample, Promise<CardImage>>();

  constructor(private readonly cscaDir: string) {}

  private trust(): Promise<TestPki> {
    this.pki ??= makeTestPki('Training CSCA Viet Nam (dao tao)').then((pki) => {
      mkdirSync(this.cscaDir, { recursive: true });
      writeFileSync(join(this.cscaDir, TRAINING_CSCA_FILE), pki.csca.der);
      return pki;
    });
    return this.pki;
  }

  /** A fresh chip for this sample (a new session state per tap, as a real card has). */
  async chip(sample: TrainingCardSample): Promise<VirtualChip> {
    let image = this.images.get(sample);
    if (!image) {
      image = this.trust().then((pki) => buildCard(TRAINING_PEOPLE[sample], { pki }));
      this.images.set(sample, image);
    }
    return new VirtualChip(await image, { maxResponse: 1024 });
  }

  idNumber(sample: TrainingCardSample): string {
    return TRAINING_PEOPLE[sample].idNumber;
  }
}
