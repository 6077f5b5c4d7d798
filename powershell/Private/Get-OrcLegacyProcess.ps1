function Get-OrcLegacyProcess {
    <#
    .SYNOPSIS
        Finds the legacy poller's process by command line or PID file and returns what is needed to restart it.
    .DESCRIPTION
        On Windows the processes come from CIM (Get-CimInstance Win32_Process, owner from its
        GetOwner method); elsewhere from /proc (argv, executable, working directory, user,
        environment, stdout/stderr files). The calling PowerShell and its ancestors are never
        returned: their own command lines often contain the pattern being searched for.
    .PARAMETER CommandLine
        A wildcard pattern (or, with -Match Regex, a regular expression) matched against the whole command line.
    .PARAMETER Match
        Wildcard (default) or Regex.
    .PARAMETER PidFile
        A file holding the process ID (first number in it).
    .PARAMETER ProcessId
        A process ID to read directly.
    .OUTPUTS
        Orchestrator.LegacyProcess
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $CommandLine,

        [ValidateSet('Wildcard', 'Regex')]
        [string] $Match = 'Wildcard',

        [string] $PidFile,

        [int] $ProcessId
    )

    $wanted = $null
    if ($PidFile) {
        if (-not (Test-Path -LiteralPath $PidFile -PathType Leaf)) {
            throw (New-OrcErrorRecord -ErrorId 'Orc.LegacyProcessNotFound' -Category ObjectNotFound -TargetObject $PidFile `
                    -Message "-LegacyPidFile '$PidFile' does not exist. Give the poller's PID file, or use -LegacyCommandLine.")
        }
        $text = [System.IO.File]::ReadAllText($PidFile)
        $found = [regex]::Match($text, '\d+')
        if (-not $found.Success) {
            throw (New-OrcErrorRecord -ErrorId 'Orc.LegacyProcessNotFound' -Category InvalidData -TargetObject $PidFile `
                    -Message "-LegacyPidFile '$PidFile' holds no process ID. Give the poller's PID file, or use -LegacyCommandLine.")
        }
        $wanted = [int]$found.Value
    }
    elseif ($PSBoundParameters.ContainsKey('ProcessId')) {
        $wanted = $ProcessId
    }

    $matcher = $null
    if ($CommandLine) {
        if ($Match -eq 'Regex') {
            $regex = New-Object -TypeName System.Text.RegularExpressions.Regex -ArgumentList $CommandLine
            $matcher = { param($Text) $regex.IsMatch($Text) }.GetNewClosure()
        }
        else {
            $wildcard = New-Object -TypeName System.Management.Automation.WildcardPattern -ArgumentList $CommandLine, ([System.Management.Automation.WildcardOptions]::IgnoreCase)
            $matcher = { param($Text) $wildcard.IsMatch($Text) }.GetNewClosure()
        }
    }

    if (Test-OrcWindows) {
        $query = @{ ClassName = 'Win32_Process' }
        if ($null -ne $wanted) { $query['Filter'] = "ProcessId = $wanted" }
        $all = @(CimCmdlets\Get-CimInstance @query -ErrorAction Stop)
        $byId = @{}
        foreach ($item in $all) { $byId[[int]$item.ProcessId] = $item }
        $skip = @{}
        $cursor = $PID
        while ($cursor -and -not $skip.ContainsKey($cursor)) {
            $skip[$cursor] = $true
            if (-not $byId.ContainsKey($cursor)) { break }
            $cursor = [int]$byId[$cursor].ParentProcessId
        }
        foreach ($item in $all) {
            if ($skip.ContainsKey([int]$item.ProcessId) -or -not $item.CommandLine) { continue }
            if ($matcher -and -not (& $matcher ([string]$item.CommandLine))) { continue }
            ConvertFrom-OrcLegacyCimProcess -InputObject $item
        }
        return
    }

    $skip = @{}
    $cursor = $PID
    while ($cursor -gt 0 -and -not $skip.ContainsKey($cursor)) {
        $skip[$cursor] = $true
        $status = "/proc/$cursor/status"
        if (-not (Test-Path -LiteralPath $status)) { break }
        $ppid = [regex]::Match([System.IO.File]::ReadAllText($status), '(?m)^PPid:\s*(\d+)')
        if (-not $ppid.Success) { break }
        $cursor = [int]$ppid.Groups[1].Value
    }
    if ($null -ne $wanted) {
        $ids = @($wanted)
    }
    else {
        $ids = @(foreach ($dir in [System.IO.Directory]::GetDirectories('/proc')) {
                $leaf = [System.IO.Path]::GetFileName($dir)
                $n = 0
                if ([int]::TryParse($leaf, [ref]$n)) { $n }
            })
    }
    foreach ($id in $ids) {
        if ($skip.ContainsKey($id)) { continue }
        if ($matcher) {
            # Match on argv first: reading the rest of /proc for every process is what costs.
            try { $argvText = [System.IO.File]::ReadAllText("/proc/$id/cmdline").TrimEnd([char]0).Replace([char]0, ' ') }
            catch { continue }
            if (-not (& $matcher $argvText)) { continue }
        }
        $record = Get-OrcLegacyProcProcess -ProcessId $id
        if (-not $record) { continue }
        if ($matcher -and -not (& $matcher $record.CommandLine)) { continue }
        $record
    }
}
