// Trains one cross-validation fold's model in a worker thread (eval-nlp.mjs runs two at a time).
import { parentPort, workerData } from 'node:worker_threads';
import { trainNerModel } from './ner-training.mjs';

const { data, dev, options } = workerData;
const { file } = trainNerModel({ data, dev, ...options });
parentPort.postMessage(file);
