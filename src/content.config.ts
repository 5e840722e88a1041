import { defineCollection } from 'astro:content';
import { documentsLoader } from './loaders/documents.ts';

/** Where the archive files are: `content/documents/`, or any folder named by CONTENT_DIR. */
const contentDir = process.env.CONTENT_DIR || 'content/documents';

const documents = defineCollection({ loader: documentsLoader({ dir: contentDir }) });

export const collections = { documents };
