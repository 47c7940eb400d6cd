// Vite's `?inline` CSS import: the stylesheet as a string, for the shadow root's <style>.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
