// What Vite's `?url` imports answer: the built file's address.
declare module '*?url' {
  const url: string;
  export default url;
}
