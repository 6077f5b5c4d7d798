# A test double of the Windows ScheduledTasks module for Linux: the real cmdlet names and parameter
# sets over an in-memory task store. Every behaviour is listed with its source in README.md (B1…);
# the comments below name the entry. Test-only controls: Set-ScheduledTaskDouble, Reset-ScheduledTaskDouble.
Set-StrictMode -Version Latest

# The helpers that build ScheduledTasks error records (New-OrcScheduledTasksError) live with the other
# test helpers; they are loaded into this module's scope so the double raises exactly what mocks raise.
. (Join-Path $PSScriptRoot '../TestHelpers.ps1')
Set-StrictMode -Version Latest

$script:TaskNamespace = 'http://schemas.microsoft.com/windows/2004/02/mit/task'
$script:SchemaPath = $env:ORC_TASK_XSD
if (-not $script:SchemaPath) {
    $script:SchemaPath = Join-Path $script:RepoRoot '../shared/schemas/task-scheduler/TaskSchedulerV2Schema.dahall.xsd'
}
$script:Tasks = @{}
$script:NotElevated = $false
$script:CimPrefix = 'Microsoft.Management.Infrastructure.CimInstance'
$script:NeverRun = 267011          # 0x41303 SCHED_S_TASK_HAS_NOT_RUN (B9)
$script:Running = 267009           # 0x41301 SCHED_S_TASK_RUNNING (B9)
$script:Terminated = 267014        # 0x41306 SCHED_S_TASK_TERMINATED (B12)
$script:NeverRunTime = New-Object -TypeName System.DateTime -ArgumentList 1999, 11, 30  # B9

function Set-ScheduledTaskDouble {
    <#
    .SYNOPSIS
        Test control: makes every cmdlet of the double fail as in a session without elevation (B5).
    .EXAMPLE
        Set-ScheduledTaskDouble -NotElevated
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param([switch] $NotElevated)
    if ($PSCmdlet.ShouldProcess('ScheduledTasks double', 'Set NotElevated')) {
        $script:NotElevated = [bool]$NotElevated
    }
}

function Reset-ScheduledTaskDouble {
    <#
    .SYNOPSIS
        Test control: kills the actions the double started and forgets every task.
    .EXAMPLE
        Reset-ScheduledTaskDouble
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param()
    if (-not $PSCmdlet.ShouldProcess('ScheduledTasks double', 'Reset')) { return }
    foreach ($entry in @($script:Tasks.Values)) {
        foreach ($process in @($entry.Processes)) {
            if (-not $process.HasExited) { try { $process.Kill($true) } catch { Write-Verbose $_.Exception.Message } }
        }
    }
    $script:Tasks = @{}
    $script:NotElevated = $false
}

function New-DoubleError {
    # A CIM-style error record: OrcTest.CimException (from New-OrcScheduledTasksError) carries the HRESULT,
    # the error ID is 'HRESULT 0x…,<cmdlet>' as the CDXML cmdlets write it (B4).
    param([int] $HResult, [string] $Message, [string] $Cmdlet, [System.Management.Automation.ErrorCategory] $Category, [object] $Target)
    $null = New-OrcScheduledTasksError -Kind NotFound
    $native = 'Failed'
    $exception = New-Object -TypeName OrcTest.CimException -ArgumentList $Message, $HResult, $native
    $id = 'HRESULT 0x{0:x8},{1}' -f $HResult, $Cmdlet
    New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, $id, $Category, $Target
}

function New-NotFoundError {
    # B6: a query by name that matches nothing writes ObjectNotFound, naming the property it filtered on.
    param([string] $Cmdlet, [string] $TaskName, [string] $TaskPath)
    if ($TaskName) {
        $property = 'TaskName'
        $value = $TaskName
    }
    else {
        $property = 'TaskPath'
        $value = $TaskPath
    }
    $null = New-OrcScheduledTasksError -Kind NotFound
    $message = "No MSFT_ScheduledTask objects found with property '$property' equal to '$value'.  Verify the value of the property and retry."
    $exception = New-Object -TypeName OrcTest.CimException -ArgumentList $message, ([int]-2147024894), 'NotFound'
    New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList $exception, "CmdletizationQuery_NotFound_$property,$Cmdlet", ([System.Management.Automation.ErrorCategory]::ObjectNotFound), $value
}

function Test-Denied {
    # B5: without elevation every call on \Orchestrator\ (registered by an administrator) is denied.
    param($Cmdlet, [string] $CmdletName)
    if (-not $script:NotElevated) { return $false }
    $Cmdlet.WriteError((New-OrcScheduledTasksError -Kind AccessDenied -Cmdlet $CmdletName))
    return $true
}

function ConvertTo-TaskPath {
    # B3: Register builds the folder from the path, so a missing leading or trailing backslash is added.
    param([string] $TaskPath)
    if (-not $TaskPath) { return '\' }
    $path = $TaskPath
    if (-not $path.StartsWith('\')) { $path = '\' + $path }
    if (-not $path.EndsWith('\')) { $path = $path + '\' }
    return $path
}

function Test-Match {
    # B3/B6: queries compare the stored TaskPath/TaskName literally, case-insensitively, with wildcards.
    param([string] $Value, [string] $Pattern)
    if (-not $Pattern) { return $true }
    $wildcard = New-Object -TypeName System.Management.Automation.WildcardPattern -ArgumentList $Pattern, ([System.Management.Automation.WildcardOptions]::IgnoreCase)
    return $wildcard.IsMatch($Value)
}

function Find-Task {
    param([string] $TaskName, [string] $TaskPath)
    $found = @(foreach ($entry in $script:Tasks.Values) {
            if ((Test-Match $entry.TaskPath $TaskPath) -and (Test-Match $entry.TaskName $TaskName)) { $entry }
        })
    @($found | Sort-Object -Property TaskPath, TaskName)
}

function Resolve-Target {
    # The one task a name/path pair (or a piped CIM object) names, or a written NotFound error (B6).
    param($Cmdlet, [string] $CmdletName, [string] $TaskName, [string] $TaskPath, [object] $InputObject)
    if ($null -ne $InputObject) {
        $TaskName = [string]$InputObject.TaskName
        $TaskPath = [string]$InputObject.TaskPath
    }
    if (-not $TaskPath) { $TaskPath = '*' }
    $found = @(Find-Task -TaskName $TaskName -TaskPath $TaskPath)
    if ($found.Count -eq 0) {
        $Cmdlet.WriteError((New-NotFoundError -Cmdlet $CmdletName -TaskName $TaskName -TaskPath $TaskPath))
    }
    $found
}

function Get-XmlDeclarationError {
    # B2: the -Xml string reaches Task Scheduler as UTF-16; a declaration naming another encoding fails at
    # the column after the declaration.
    param([string] $Xml)
    $match = [regex]::Match($Xml, '^\s*<\?xml[^>]*\?>')
    if (-not $match.Success) { return $null }
    $encoding = [regex]::Match($match.Value, 'encoding\s*=\s*["'']([^"'']+)["'']')
    if ($encoding.Success -and $encoding.Groups[1].Value -notmatch '^(UTF-16|UTF-16LE|Unicode)$') {
        return ('The task XML is malformed.{0}(1,{1})::ERROR: switch from current encoding to specified encoding not supported' -f [Environment]::NewLine, ($match.Index + $match.Length + 1))
    }
    return $null
}

function Test-TaskXml {
    # B1/B2: validates against the task XSD with xmllint; returns $null or @{ HResult; Message }.
    param([string] $Xml)
    $declarationError = Get-XmlDeclarationError -Xml $Xml
    if ($declarationError) { return @{ HResult = [int]-2147216614; Message = $declarationError } }
    # The declaration is blanked, not removed, so xmllint's line numbers are the caller's.
    $body = [regex]::Replace($Xml, '^\s*<\?xml[^>]*\?>', { param($m) ' ' * $m.Value.Length })
    $lines = $body -split '\r?\n'
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-std-' + [guid]::NewGuid().ToString('N') + '.xml')
    [System.IO.File]::WriteAllText($file, $body, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
    try {
        $output = @(& xmllint --noout --schema $script:SchemaPath $file 2>&1 | ForEach-Object { [string]$_ })
        $code = $LASTEXITCODE
    }
    finally {
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
    if ($code -eq 0) { return $null }
    $first = $output | Where-Object { $_ -like "$file*" } | Select-Object -First 1
    if (-not $first) { $first = ($output -join ' ') }
    $line = 1
    $lineMatch = [regex]::Match($first, [regex]::Escape($file) + ':(\d+):')
    if ($lineMatch.Success) { $line = [int]$lineMatch.Groups[1].Value }
    $element = ''
    $elementMatch = [regex]::Match($first, "Element '(?:\{[^}]*\})?([^']+)'")
    if ($elementMatch.Success) { $element = $elementMatch.Groups[1].Value }
    $column = 1
    if ($element -and $line -le $lines.Count) {
        $at = $lines[$line - 1].IndexOf('<' + $element)
        if ($at -ge 0) { $column = $at + 2 }
    }
    $value = ''
    $valueMatch = [regex]::Match($first, "The value '([^']*)'|'([^']*)' is not a valid value")
    if ($valueMatch.Success) { $value = ($valueMatch.Groups[1].Value + $valueMatch.Groups[2].Value) }
    $nl = [Environment]::NewLine
    if ($first -match 'parser error') {
        $detail = ($first -replace '^.*parser error\s*:\s*', '').Trim()
        return @{ HResult = [int]-2147216614; Message = "The task XML is malformed.$nl($line,$column)::ERROR: $detail" }
    }
    if ($first -match 'Missing child element|is required but missing') {
        return @{ HResult = [int]-2147216615; Message = "The task XML is missing a required element or attribute.$nl($line,$column):$element`:" }
    }
    if ($first -match 'This element is not expected|is not allowed') {
        return @{ HResult = [int]-2147216618; Message = "The task XML contains an unexpected node.$nl($line,$column):$element`:" }
    }
    return @{ HResult = [int]-2147216616; Message = "The task XML contains a value which is incorrectly formatted or out of range.$nl($line,$column):$element`:$value" }
}

function Get-Child {
    param([System.Xml.XmlNode] $Node, [string] $Name)
    if ($null -eq $Node) { return $null }
    foreach ($child in $Node.ChildNodes) {
        if ($child.LocalName -eq $Name) { return $child }
    }
    return $null
}

function Get-ChildText {
    param([System.Xml.XmlNode] $Node, [string] $Name, [string] $Default)
    $child = Get-Child -Node $Node -Name $Name
    if ($null -eq $child) { return $Default }
    return $child.InnerText
}

function Set-ChildText {
    # Sets (or adds, in the task namespace) a child element's text.
    param([System.Xml.XmlNode] $Node, [string] $Name, [string] $Text)
    $child = Get-Child -Node $Node -Name $Name
    if ($null -eq $child) {
        $child = $Node.OwnerDocument.CreateElement($Name, $script:TaskNamespace)
        $null = $Node.AppendChild($child)
    }
    $child.InnerText = $Text
}

function ConvertTo-NormalXml {
    # B7/B8: what Windows stores and exports: URI is the task's path, -User replaces the principal's
    # account, declaration UTF-16, two-space indent, CRLF.
    param([string] $Xml, [string] $TaskPath, [string] $TaskName, [string] $User, [string] $Password)
    $document = New-Object -TypeName System.Xml.XmlDocument
    $document.PreserveWhitespace = $false
    $document.LoadXml([regex]::Replace($Xml, '^\s*<\?xml[^>]*\?>', ''))
    $task = $document.DocumentElement
    $info = Get-Child -Node $task -Name 'RegistrationInfo'
    if ($null -eq $info) {
        $info = $document.CreateElement('RegistrationInfo', $script:TaskNamespace)
        $null = $task.PrependChild($info)
    }
    Set-ChildText -Node $info -Name 'URI' -Text ($TaskPath + $TaskName)
    if ($User) {
        $principal = Get-Child -Node (Get-Child -Node $task -Name 'Principals') -Name 'Principal'
        if ($null -ne $principal) {
            $system = $User -match '^(S-1-5-18|SYSTEM|NT AUTHORITY\\SYSTEM)$'
            if ($system) { Set-ChildText -Node $principal -Name 'UserId' -Text 'S-1-5-18' } else { Set-ChildText -Node $principal -Name 'UserId' -Text $User }
            $logon = Get-Child -Node $principal -Name 'LogonType'
            if ($system) {
                if ($null -ne $logon) { $null = $principal.RemoveChild($logon) }
            }
            elseif ($Password) { Set-ChildText -Node $principal -Name 'LogonType' -Text 'Password' }
            else { Set-ChildText -Node $principal -Name 'LogonType' -Text 'InteractiveToken' }
        }
    }
    return $document
}

function Format-TaskXml {
    # B8: Export-ScheduledTask's text.
    param([System.Xml.XmlDocument] $Document)
    $settings = New-Object -TypeName System.Xml.XmlWriterSettings
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`r`n"
    $settings.OmitXmlDeclaration = $true
    # Windows writes version before xmlns.
    $root = $Document.DocumentElement
    $version = $root.GetAttributeNode('version')
    if ($null -ne $version) {
        $null = $root.Attributes.Remove($version)
        $null = $root.Attributes.Prepend($version)
    }
    $builder = New-Object -TypeName System.Text.StringBuilder
    $writer = [System.Xml.XmlWriter]::Create($builder, $settings)
    try { $Document.Save($writer) } finally { $writer.Dispose() }
    '<?xml version="1.0" encoding="UTF-16"?>' + "`r`n" + $builder.ToString()
}

function Add-CimType {
    param([object] $Object, [string] $Class)
    $Object.PSObject.TypeNames.Insert(0, $script:CimPrefix)
    $Object.PSObject.TypeNames.Insert(0, "$($script:CimPrefix)#$Class")
    $Object.PSObject.TypeNames.Insert(0, "$($script:CimPrefix)#Root/Microsoft/Windows/TaskScheduler/$Class")
    $Object
}

function Update-TaskState {
    # B10/B11: a finished action leaves its exit code as LastTaskResult; a queued start runs next.
    param([object] $Entry)
    $alive = @($Entry.Processes | Where-Object { -not $_.HasExited })
    foreach ($process in @($Entry.Processes | Where-Object { $_.HasExited })) {
        if (-not $Entry.Stopped.Contains($process.Id)) { $Entry.LastTaskResult = $process.ExitCode }
    }
    $Entry.Processes = $alive
    if ($alive.Count -eq 0 -and $Entry.Queued -gt 0) {
        $Entry.Queued--
        Start-TaskAction -Entry $Entry
    }
}

function Get-TaskState {
    param([object] $Entry)
    Update-TaskState -Entry $Entry
    if (@($Entry.Processes).Count -gt 0) { return 'Running' }
    if (-not $Entry.Enabled) { return 'Disabled' }
    if ($Entry.Queued -gt 0) { return 'Queued' }
    return 'Ready'
}

function Get-NextRunTime {
    # B9: next run of enabled TimeTrigger / CalendarTrigger ScheduleByDay triggers; others are not computed.
    param([object] $Entry)
    if (-not $Entry.Enabled) { return $null }
    $now = [datetime]::Now
    $next = $null
    foreach ($trigger in @((Get-Child -Node $Entry.Document.DocumentElement -Name 'Triggers').ChildNodes)) {
        if ($null -eq $trigger -or $trigger.NodeType -ne 'Element') { continue }
        if ((Get-ChildText $trigger 'Enabled' 'true') -ne 'true') { continue }
        $startText = Get-ChildText $trigger 'StartBoundary' ''
        if (-not $startText) { continue }
        $start = [datetime]::Parse($startText, [System.Globalization.CultureInfo]::InvariantCulture)
        $candidate = $null
        if ($trigger.LocalName -eq 'TimeTrigger' -and $start -gt $now) { $candidate = $start }
        $byDay = Get-Child -Node $trigger -Name 'ScheduleByDay'
        if ($trigger.LocalName -eq 'CalendarTrigger' -and $null -ne $byDay) {
            $interval = [int](Get-ChildText $byDay 'DaysInterval' '1')
            $candidate = $start
            if ($candidate -le $now) {
                $steps = [math]::Floor(($now - $start).TotalDays / $interval) + 1
                $candidate = $start.AddDays($steps * $interval)
            }
        }
        if ($null -ne $candidate -and ($null -eq $next -or $candidate -lt $next)) { $next = $candidate }
    }
    return $next
}

function ConvertTo-CimTask {
    # B4: MSFT_ScheduledTask with the real property names.
    param([object] $Entry)
    $root = $Entry.Document.DocumentElement
    $info = Get-Child -Node $root -Name 'RegistrationInfo'
    $actions = @(foreach ($exec in @((Get-Child -Node $root -Name 'Actions').ChildNodes)) {
            if ($null -eq $exec -or $exec.LocalName -ne 'Exec') { continue }
            Add-CimType -Class 'MSFT_TaskExecAction' -Object ([pscustomobject]@{
                    Id               = $null
                    Arguments        = Get-ChildText $exec 'Arguments' $null
                    Execute          = Get-ChildText $exec 'Command' $null
                    WorkingDirectory = Get-ChildText $exec 'WorkingDirectory' $null
                    PSComputerName   = $null
                })
        })
    $principalNode = Get-Child -Node (Get-Child -Node $root -Name 'Principals') -Name 'Principal'
    $userId = Get-ChildText $principalNode 'UserId' $null
    $logonMap = @{ 'InteractiveToken' = 'Interactive'; 'InteractiveTokenOrPassword' = 'InteractiveOrPassword'; 'Password' = 'Password'; 'S4U' = 'S4U' }
    $logon = Get-ChildText $principalNode 'LogonType' ''
    if ($logonMap.ContainsKey($logon)) { $logon = $logonMap[$logon] }
    elseif ($userId -match '^S-1-5-(18|19|20)$') { $logon = 'ServiceAccount' }
    else { $logon = 'None' }
    $runLevel = 'Limited'
    if ((Get-ChildText $principalNode 'RunLevel' '') -eq 'HighestAvailable') { $runLevel = 'Highest' }
    $principal = Add-CimType -Class 'MSFT_TaskPrincipal2' -Object ([pscustomobject]@{
            DisplayName          = Get-ChildText $principalNode 'DisplayName' $null
            GroupId              = Get-ChildText $principalNode 'GroupId' $null
            Id                   = $(if ($principalNode) { $principalNode.GetAttribute('id') } else { $null })
            LogonType            = $logon
            RunLevel             = $runLevel
            UserId               = $userId
            ProcessTokenSidType  = 'Default'
            RequiredPrivilege    = $null
            PSComputerName       = $null
        })
    $settingsNode = Get-Child -Node $root -Name 'Settings'
    $settings = Add-CimType -Class 'MSFT_TaskSettings3' -Object ([pscustomobject]@{
            AllowDemandStart   = [bool]::Parse((Get-ChildText $settingsNode 'AllowStartOnDemand' 'true'))
            AllowHardTerminate = [bool]::Parse((Get-ChildText $settingsNode 'AllowHardTerminate' 'true'))
            Enabled            = $Entry.Enabled
            ExecutionTimeLimit = Get-ChildText $settingsNode 'ExecutionTimeLimit' 'PT72H'
            Hidden             = [bool]::Parse((Get-ChildText $settingsNode 'Hidden' 'false'))
            MultipleInstances  = Get-ChildText $settingsNode 'MultipleInstancesPolicy' 'IgnoreNew'
            Priority           = [int](Get-ChildText $settingsNode 'Priority' '7')
            PSComputerName     = $null
        })
    $triggers = @(foreach ($trigger in @((Get-Child -Node $root -Name 'Triggers').ChildNodes)) {
            if ($null -eq $trigger -or $trigger.NodeType -ne 'Element') { continue }
            $class = 'MSFT_TaskTrigger'
            switch ($trigger.LocalName) {
                'TimeTrigger' { $class = 'MSFT_TaskTimeTrigger' }
                'BootTrigger' { $class = 'MSFT_TaskBootTrigger' }
                'LogonTrigger' { $class = 'MSFT_TaskLogonTrigger' }
                'CalendarTrigger' {
                    if (Get-Child $trigger 'ScheduleByDay') { $class = 'MSFT_TaskDailyTrigger' }
                    elseif (Get-Child $trigger 'ScheduleByWeek') { $class = 'MSFT_TaskWeeklyTrigger' }
                }
            }
            Add-CimType -Class $class -Object ([pscustomobject]@{
                    Enabled            = [bool]::Parse((Get-ChildText $trigger 'Enabled' 'true'))
                    EndBoundary        = Get-ChildText $trigger 'EndBoundary' $null
                    ExecutionTimeLimit = Get-ChildText $trigger 'ExecutionTimeLimit' $null
                    Id                 = $trigger.GetAttribute('id')
                    StartBoundary      = Get-ChildText $trigger 'StartBoundary' $null
                    PSComputerName     = $null
                })
        })
    Add-CimType -Class 'MSFT_ScheduledTask' -Object ([pscustomobject]@{
            Actions            = $actions
            Author             = Get-ChildText $info 'Author' $null
            Date               = Get-ChildText $info 'Date' $null
            Description        = Get-ChildText $info 'Description' $null
            Documentation      = Get-ChildText $info 'Documentation' $null
            Principal          = $principal
            SecurityDescriptor = Get-ChildText $info 'SecurityDescriptor' $null
            Settings           = $settings
            Source             = Get-ChildText $info 'Source' $null
            State              = Get-TaskState -Entry $Entry
            TaskName           = $Entry.TaskName
            TaskPath           = $Entry.TaskPath
            Triggers           = $triggers
            URI                = Get-ChildText $info 'URI' $null
            Version            = Get-ChildText $info 'Version' $null
            PSComputerName     = $null
        })
}

function Start-TaskAction {
    # B10: the Exec action runs as a real process; its arguments are split by the Windows rules
    # (ProcessStartInfo.Arguments), its output goes nowhere (a task has no console).
    param([object] $Entry)
    $exec = Get-Child -Node (Get-Child -Node $Entry.Document.DocumentElement -Name 'Actions') -Name 'Exec'
    $start = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $start.FileName = [Environment]::ExpandEnvironmentVariables((Get-ChildText $exec 'Command' '').Trim().Trim('"'))
    $start.Arguments = [Environment]::ExpandEnvironmentVariables((Get-ChildText $exec 'Arguments' ''))
    $directory = Get-ChildText $exec 'WorkingDirectory' ''
    if ($directory) { $start.WorkingDirectory = [Environment]::ExpandEnvironmentVariables($directory) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $Entry.LastRunTime = [datetime]::Now
    try {
        $process = [System.Diagnostics.Process]::Start($start)
    }
    catch {
        # B10: a command that cannot start is recorded as ERROR_FILE_NOT_FOUND, as Windows logs it.
        $Entry.LastTaskResult = [int]-2147024894
        return
    }
    $process.StandardInput.Close()
    $process.BeginOutputReadLine()
    $process.BeginErrorReadLine()
    $Entry.LastTaskResult = $script:Running
    $Entry.Processes = @($Entry.Processes) + $process
}

function Register-ScheduledTask {
    <#
    .SYNOPSIS
        Registers a task from XML in the double's store (the -Xml parameter set of the real cmdlet).
    .EXAMPLE
        Register-ScheduledTask -Xml $xml -TaskName Orc_demo -TaskPath '\Orchestrator\' -Force
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $TaskName,
        [Parameter(Position = 1)] [string] $TaskPath,
        [Parameter(Mandatory)] [string] $Xml,
        [string] $User,
        [string] $Password,
        [switch] $Force
    )
    if (Test-Denied $PSCmdlet 'Register-ScheduledTask') { return }
    $path = ConvertTo-TaskPath -TaskPath $TaskPath
    $key = ($path + $TaskName).ToLowerInvariant()
    $invalid = Test-TaskXml -Xml $Xml
    if ($invalid) {
        $PSCmdlet.WriteError((New-DoubleError -HResult $invalid.HResult -Message $invalid.Message -Cmdlet 'Register-ScheduledTask' -Category InvalidArgument -Target 'PS_ScheduledTask'))
        return
    }
    if ($script:Tasks.ContainsKey($key) -and -not $Force) {
        # B7: without -Force an existing task is not replaced.
        $PSCmdlet.WriteError((New-DoubleError -HResult ([int]-2147024713) -Message 'Cannot create a file when that file already exists.' -Cmdlet 'Register-ScheduledTask' -Category ResourceExists -Target 'PS_ScheduledTask'))
        return
    }
    if (-not $PSCmdlet.ShouldProcess($path + $TaskName, 'Register-ScheduledTask')) { return }
    $document = ConvertTo-NormalXml -Xml $Xml -TaskPath $path -TaskName $TaskName -User $User -Password $Password
    $enabled = (Get-ChildText (Get-Child $document.DocumentElement 'Settings') 'Enabled' 'true') -eq 'true'
    $previous = $null
    if ($script:Tasks.ContainsKey($key)) { $previous = $script:Tasks[$key] }
    # B7: re-registering keeps the run history (last run, last result); a running instance is orphaned.
    $entry = [pscustomobject]@{
        TaskPath       = $path
        TaskName       = $TaskName
        Document       = $document
        Enabled        = $enabled
        Processes      = @()
        Stopped        = New-Object -TypeName 'System.Collections.Generic.HashSet[int]'
        Queued         = 0
        LastRunTime    = $script:NeverRunTime
        LastTaskResult = $script:NeverRun
    }
    if ($previous) {
        $entry.LastRunTime = $previous.LastRunTime
        $entry.LastTaskResult = $previous.LastTaskResult
    }
    $script:Tasks[$key] = $entry
    ConvertTo-CimTask -Entry $entry
}

function Get-ScheduledTask {
    <#
    .SYNOPSIS
        Lists the double's tasks; -TaskName and -TaskPath filter with wildcards.
    .EXAMPLE
        Get-ScheduledTask -TaskPath '\Orchestrator\'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)] [string[]] $TaskName,
        [Parameter(Position = 1)] [string[]] $TaskPath
    )
    if (Test-Denied $PSCmdlet 'Get-ScheduledTask') { return }
    $names = @($TaskName)
    if (-not $TaskName) { $names = @('*') }
    $paths = @($TaskPath)
    if (-not $TaskPath) { $paths = @('*') }
    foreach ($path in $paths) {
        foreach ($name in $names) {
            $found = @(Find-Task -TaskName $name -TaskPath $path)
            $wild = [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($name) -and
                [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($path)
            if ($found.Count -eq 0 -and -not $wild) {
                # B6: a literal name or path that matches nothing is an error, a wildcard is not.
                $reportName = $name
                if ($reportName -eq '*') { $reportName = $null }
                $PSCmdlet.WriteError((New-NotFoundError -Cmdlet 'Get-ScheduledTask' -TaskName $reportName -TaskPath $path))
            }
            foreach ($entry in $found) { ConvertTo-CimTask -Entry $entry }
        }
    }
}

function Get-ScheduledTaskInfo {
    <#
    .SYNOPSIS
        The run-time state (MSFT_TaskDynamicInfo) of a task: last run, last result, next run.
    .EXAMPLE
        Get-ScheduledTask -TaskPath '\Orchestrator\' | Get-ScheduledTaskInfo
    #>
    [CmdletBinding(DefaultParameterSetName = 'TaskName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'TaskName')] [string] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process {
        if (Test-Denied $PSCmdlet 'Get-ScheduledTaskInfo') { return }
        foreach ($entry in @(Resolve-Target $PSCmdlet 'Get-ScheduledTaskInfo' $TaskName $TaskPath $InputObject)) {
            Update-TaskState -Entry $entry
            Add-CimType -Class 'MSFT_TaskDynamicInfo' -Object ([pscustomobject]@{
                    LastRunTime        = $entry.LastRunTime
                    LastTaskResult     = $entry.LastTaskResult
                    NextRunTime        = Get-NextRunTime -Entry $entry
                    NumberOfMissedRuns = 0
                    TaskName           = $entry.TaskName
                    TaskPath           = $entry.TaskPath
                    PSComputerName     = $null
                })
        }
    }
}

function Start-ScheduledTask {
    <#
    .SYNOPSIS
        Runs a task now: starts its Exec action as a process, under its MultipleInstancesPolicy.
    .EXAMPLE
        Start-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\'
    #>
    [CmdletBinding(DefaultParameterSetName = 'TaskName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'TaskName')] [string] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process {
        if (Test-Denied $PSCmdlet 'Start-ScheduledTask') { return }
        foreach ($entry in @(Resolve-Target $PSCmdlet 'Start-ScheduledTask' $TaskName $TaskPath $InputObject)) {
            $settings = Get-Child $entry.Document.DocumentElement 'Settings'
            if (-not $entry.Enabled) {
                # B13
                $PSCmdlet.WriteError((New-DoubleError -HResult ([int]-2147216602) -Message 'The task is disabled.' -Cmdlet 'Start-ScheduledTask' -Category NotSpecified -Target 'MSFT_ScheduledTask'))
                continue
            }
            if ((Get-ChildText $settings 'AllowStartOnDemand' 'true') -ne 'true') {
                $PSCmdlet.WriteError((New-DoubleError -HResult ([int]-2147216600) -Message 'The task cannot be started on demand.' -Cmdlet 'Start-ScheduledTask' -Category NotSpecified -Target 'MSFT_ScheduledTask'))
                continue
            }
            Update-TaskState -Entry $entry
            $running = @($entry.Processes).Count -gt 0
            # B11: MultipleInstancesPolicy decides what a start during a run does.
            switch ((Get-ChildText $settings 'MultipleInstancesPolicy' 'IgnoreNew')) {
                'IgnoreNew' { if (-not $running) { Start-TaskAction -Entry $entry } }
                'Queue' { if ($running) { $entry.Queued++ } else { Start-TaskAction -Entry $entry } }
                'StopExisting' {
                    foreach ($process in @($entry.Processes)) { Stop-TaskProcess -Entry $entry -Process $process }
                    Start-TaskAction -Entry $entry
                }
                default { Start-TaskAction -Entry $entry }
            }
        }
    }
}

function Stop-TaskProcess {
    # B12: stopping ends the action's process (not its children) and records SCHED_S_TASK_TERMINATED.
    param([object] $Entry, [System.Diagnostics.Process] $Process)
    if (-not $Process.HasExited) {
        $null = $Entry.Stopped.Add($Process.Id)
        try { $Process.Kill() } catch { Write-Verbose $_.Exception.Message }
        $Process.WaitForExit()
        $Entry.LastTaskResult = $script:Terminated
    }
}

function Stop-ScheduledTask {
    <#
    .SYNOPSIS
        Stops the running instances of a task.
    .EXAMPLE
        Stop-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\'
    #>
    [CmdletBinding(DefaultParameterSetName = 'TaskName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'TaskName')] [string] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process {
        if (Test-Denied $PSCmdlet 'Stop-ScheduledTask') { return }
        foreach ($entry in @(Resolve-Target $PSCmdlet 'Stop-ScheduledTask' $TaskName $TaskPath $InputObject)) {
            $entry.Queued = 0
            foreach ($process in @($entry.Processes)) { Stop-TaskProcess -Entry $entry -Process $process }
            Update-TaskState -Entry $entry
        }
    }
}

function Set-TaskEnabled {
    param($Cmdlet, [string] $CmdletName, [string] $TaskName, [string] $TaskPath, [object] $InputObject, [bool] $Enabled)
    if (Test-Denied $Cmdlet $CmdletName) { return }
    foreach ($entry in @(Resolve-Target $Cmdlet $CmdletName $TaskName $TaskPath $InputObject)) {
        if (-not $Cmdlet.ShouldProcess($entry.TaskPath + $entry.TaskName, $CmdletName)) { continue }
        # B13: the flag is Settings/Enabled of the stored definition, so Export shows it too.
        $entry.Enabled = $Enabled
        Set-ChildText -Node (Get-Child $entry.Document.DocumentElement 'Settings') -Name 'Enabled' -Text ($Enabled.ToString().ToLowerInvariant())
        ConvertTo-CimTask -Entry $entry
    }
}

function Enable-ScheduledTask {
    <#
    .SYNOPSIS
        Enables a task; returns it.
    .EXAMPLE
        Enable-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\'
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'TaskName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'TaskName')] [string] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process { Set-TaskEnabled $PSCmdlet 'Enable-ScheduledTask' $TaskName $TaskPath $InputObject $true }
}

function Disable-ScheduledTask {
    <#
    .SYNOPSIS
        Disables a task; returns it.
    .EXAMPLE
        Disable-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\'
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'TaskName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'TaskName')] [string] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process { Set-TaskEnabled $PSCmdlet 'Disable-ScheduledTask' $TaskName $TaskPath $InputObject $false }
}

function Unregister-ScheduledTask {
    <#
    .SYNOPSIS
        Deletes a task from the double's store (a running instance keeps running).
    .EXAMPLE
        Unregister-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\' -Confirm:$false
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', DefaultParameterSetName = 'TaskName')]
    param(
        [Parameter(Position = 0, ParameterSetName = 'TaskName')] [string[]] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string[]] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process {
        if (Test-Denied $PSCmdlet 'Unregister-ScheduledTask') { return }
        $name = $null
        if ($TaskName) { $name = $TaskName[0] }
        $path = $null
        if ($TaskPath) { $path = $TaskPath[0] }
        foreach ($entry in @(Resolve-Target $PSCmdlet 'Unregister-ScheduledTask' $name $path $InputObject)) {
            if ($PSCmdlet.ShouldProcess($entry.TaskPath + $entry.TaskName, 'Unregister-ScheduledTask')) {
                $script:Tasks.Remove(($entry.TaskPath + $entry.TaskName).ToLowerInvariant())
            }
        }
    }
}

function Export-ScheduledTask {
    <#
    .SYNOPSIS
        The registered task's XML as Windows normalises it.
    .EXAMPLE
        Export-ScheduledTask -TaskName Orc_demo -TaskPath '\Orchestrator\'
    #>
    [CmdletBinding(DefaultParameterSetName = 'TaskName')]
    [OutputType([string])]
    param(
        [Parameter(Position = 0, ParameterSetName = 'TaskName')] [string] $TaskName,
        [Parameter(Position = 1, ParameterSetName = 'TaskName')] [string] $TaskPath,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'InputObject')] [psobject] $InputObject
    )
    process {
        if (Test-Denied $PSCmdlet 'Export-ScheduledTask') { return }
        foreach ($entry in @(Resolve-Target $PSCmdlet 'Export-ScheduledTask' $TaskName $TaskPath $InputObject)) {
            Format-TaskXml -Document $entry.Document
        }
    }
}

Export-ModuleMember -Function Register-ScheduledTask, Get-ScheduledTask, Get-ScheduledTaskInfo, Start-ScheduledTask, Stop-ScheduledTask,
Enable-ScheduledTask, Disable-ScheduledTask, Unregister-ScheduledTask, Export-ScheduledTask, Set-ScheduledTaskDouble, Reset-ScheduledTaskDouble
