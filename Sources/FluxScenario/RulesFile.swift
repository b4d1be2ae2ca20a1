import FluxCore
