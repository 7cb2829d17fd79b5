declare module '*.css';

/** The third-party licence notice, generated at build time (electron.vite.config.ts). */
declare module 'virtual:third-party-licences' {
  const notice: string;
  export default notice;
}
