/**
 * Synthetic codes (invented people, from the notes' examples) the training mode's simulated reader
 * "scans", so staff can practise without real cards. Check strings are made up and verify nothing.
 */
export const TRAINING_SAMPLES = {
  cccd: '001090012345|123456789|NGUYỄN VĂN AN|01011990|Nam|Thôn 1, Xã Ví Dụ, Tỉnh Mẫu|01072021',
  bhyt: 'DN4790123456789|4e677579e1bb856e2056c4836e20416e|01/01/1990|1|5468c3b46e20312c2058c3a32056c3ad2044e1bba52c2054e1bb896e68204de1baab75|79 - 001|01/01/2025|31/12/2099|01/01/2025|79012345678901|-|4|01/01/2028|0123456789abcdef-0a1b|$',
  mrz: 'IDVNM0900123450001090012345<<1\n9001011M3001019VNM<<<<<<<<<<<2\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<',
  vneid: '079305001234||TRẦN THỊ CÚC|15082005|Nữ|Ấp Đông, Xã Tân Lập, Tỉnh Mẫu|01072021',
} as const;
export type TrainingSample = keyof typeof TRAINING_SAMPLES;
