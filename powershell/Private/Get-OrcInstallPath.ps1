function Get-OrcInstallPath {
    <#
    .SYNOPSIS
        The stable path Install-OrcExecutable copies orc-exec to, without copying anything.
    .DESCRIPTION
        Windows: %ProgramFiles%\Orchestrator\orc-exec.exe (the 64-bit Program Files). Linux/macOS:
        <store>/bin/orc-exec. Read-only callers (Test-OrcTaskState) need the path registrations
        should point at without installing.
    .PARAMETER StoreHome
        The store, for the Linux/macOS path; default Get-OrcStoreHome.
    .EXAMPLE
        Get-OrcInstallPath -StoreHome (Get-OrcStoreHome)
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [string] $StoreHome
    )

    if (Test-OrcWindows) {
        # ProgramW6432 is the 64-bit Program Files even in a 32-bit (x86) PowerShell, where
        # ProgramFiles means 'Program Files (x86)': both shells must install to the same path,
        # or each would re-register the tasks the other registered.
        $programFiles = $env:ProgramW6432
        if (-not $programFiles) { $programFiles = $env:ProgramFiles }
        if (-not $programFiles) { $programFiles = [System.Environment]::GetFolderPath('ProgramFiles') }
        return (Join-Path (Join-Path $programFiles 'Orchestrator') 'orc-exec.exe')
    }
    if (-not $StoreHome) { $StoreHome = Get-OrcStoreHome }
    return (Join-Path (Join-Path $StoreHome 'bin') 'orc-exec')
}
