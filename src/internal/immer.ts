import { Immer } from 'immer';

/**
 * chatwright's own immer instance: our settings (auto-freeze on) never touch the global immer a host
 * application may configure differently.
 */
export const immer = new Immer({ autoFreeze: true });
