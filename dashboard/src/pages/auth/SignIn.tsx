// Owned by a dashboard engineer: replace this whole file.
export default function SignIn() {
  return <p>SignIn</p>;
}
