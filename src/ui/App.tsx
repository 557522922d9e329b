export function App() {
  return <h1>Eventflow Studio</h1>;
}
