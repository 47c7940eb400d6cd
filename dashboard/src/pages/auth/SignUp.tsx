// Owned by a dashboard engineer: replace this whole file.
export default function SignUp() {
  return <p>SignUp</p>;
}
