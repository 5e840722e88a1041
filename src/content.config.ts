import { defineCollection } from 'astro:content';
import { documentsLoader } from './loaders/documents.ts';
import { glossaryLoader } from './loaders/glossary.ts';
import { partsLoader } from './loaders/parts.ts';
import { buildMode } from './data/build-mode.ts';

/** Where the archive files are: `content/documents/`, or any folder named by CONTENT_DIR. */
const contentDir = process.env.CONTENT_DIR || 'content/documents';
/** The hand-written glossary; GLOSSARY_DIR points elsewhere (tests use small fixture glossaries). */
const glossaryDir = process.env.GLOSSARY_DIR || 'content/glossary';

const mode = buildMode();
/** A merge step reads the documents its parts stored, not the source files (scripts/build-parts.ts). */
const documents = defineCollection({ loader: mode.kind === 'merge' ? partsLoader({ dir: mode.parts }) : documentsLoader({ dir: contentDir }) });
const glossary = defineCollection({ loader: glossaryLoader({ dir: glossaryDir }) });

export const collections = { documents, glossary };
