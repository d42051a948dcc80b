// A capture that is not pcap/pcapng, or is truncated or corrupt: carries the byte offset and the reason.
import { WrongFormatError } from '../contract.ts';

export class CaptureError extends WrongFormatError {
  constructor(readonly file: string, offset: number, readonly reason: string) {
    super(`${file} @ byte ${offset}: ${reason}`, undefined, offset);
    this.name = 'CaptureError';
  }
}
